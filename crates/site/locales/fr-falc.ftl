# Galaxie — les phrases de l'interface en facile à lire (FALC), quand elles diffèrent du
# français habituel. Les autres viennent de fr.ftl.

skip-to-content = Aller au texte de la page
nav-directory = Trouver de l’aide
nav-search = Chercher
place-hours = Quand c’est ouvert
place-practical = Pour venir
place-address = L’adresse
place-offers = Ce que vous pouvez faire ici
place-access = Comment entrer dans le lieu
place-events = Les prochains rendez-vous
place-booking-link = Demander un rendez-vous
event-practical = Quand et où ?
event-when = Le jour et l’heure
event-where = L’endroit
event-register = Je m’inscris
event-add-calendar = Mettre dans mon agenda
price = Le prix
home-title = Les nouvelles des lieux près de chez vous
directory-title = De quoi avez-vous besoin ?
directory-intro = Touchez le dessin qui montre votre besoin. La liste des lieux qui peuvent vous aider s’affiche en dessous.
directory-needs = Choisissez votre besoin
filters-apply = Voir
filter-town = Dans quelle ville ?
listen = Écouter la page
print-sheet = Imprimer cette page
search-label = Écrivez ce que vous cherchez
follow-title = Suivre ce lieu sur Mastodon
map-intro = Les lieux et les rendez-vous. Chaque numéro sur la carte est aussi dans la liste.
networks-intro = Un réseau, c’est un groupe de lieux. Le réseau montre à ses abonnés ce que publient les lieux du groupe.
memberships-intro = Le lieu peut entrer dans un réseau. Le réseau montre alors à ses abonnés ce que publie le lieu.
relays-intro = Un relais envoie à ce site ce que publient d’autres sites.
withdraw-intro = Le réseau ne montrera plus cette publication.
reports-intro = D’autres sites disent ici qu’un compte ou une publication pose problème. Regardez. Décidez. Puis cliquez sur « Traité ».
