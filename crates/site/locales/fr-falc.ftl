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

## Orientation (Passeport numérique)
orientation-intro = Répondez aux questions. Vous pouvez le faire seul. Vous pouvez le faire avec un médiateur. Nous cherchons les lieux qui peuvent vous aider.
orientation-private = Ce site ne garde pas vos réponses.
orientation-results-empty = Nous ne trouvons pas de lieu. Vous pouvez aller plus loin. Vous pouvez enlever une réponse.
orientation-passport-link-hint = Gardez ce lien. Il garde vos réponses.
orientation-passport-nojs = Ce passeport ne s’ouvre pas ici. Refaites le questionnaire avec la personne.

## The funding watch (pages/funding.rs)
funding-kind = Argent pour des projets
funding-title = De l’argent pour { $place }
funding-archive-title = Demandes finies pour { $place }
funding-intro = Ici, des organismes donnent de l’argent pour des projets. Ce lieu peut demander cet argent. Le plus urgent est en premier.
funding-empty = Il n’y a rien pour ce lieu en ce moment.
funding-archive-empty = Il n’y a pas de demande finie.
funding-archive-link = Voir les demandes finies
funding-open-link = Voir les demandes en cours
funding-deadline = Dernier jour pour demander
funding-no-deadline = On peut demander à tout moment
funding-closes-in = { $days ->
    [0] C’est le dernier jour
    [1] Il reste 1 jour
   *[other] Il reste { $days } jours
}
funding-closed = C’est fini
funding-funder = Qui donne l’argent
funding-amount = Combien d’argent
funding-eligible = Qui peut demander
funding-how = Comment demander
funding-apply = Faire la demande
funding-place-link = De l’argent pour ce lieu

## Coopération entre lieux et code source, en facile à lire
coop-list-title = Les lieux s’entraident
coop-list-intro = Un lieu peut prêter une salle ou du matériel, aider avec son métier, ou demander de l’aide.
coop-place-intro = Ce que ce lieu propose aux autres lieux, ce qu’il demande, et les accords.
coop-status-accepted = Accord conclu
coop-reciprocal = Ce qui est demandé en échange
source-intro = Comment ce lieu marche. Un autre lieu peut copier ce modèle.
source-fork-title = Créer un nouveau lieu avec ce modèle

## Labels régionaux
label-held-by = donné par { $issuer }
label-held-until = jusqu’au { $date }
coop-frameworks = Les accords pour travailler ensemble
