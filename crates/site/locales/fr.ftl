# Galaxie — les mots de l'interface, en français.
# Les phrases en facile à lire (FALC) qui diffèrent sont dans fr-falc.ftl.

## Cadre de la page
skip-to-content = Aller au contenu
nav-label = Menu principal
nav-home = Accueil
nav-map = Carte
nav-directory = Annuaire
nav-search = Rechercher
prefs-label = Réglages d’affichage
falc-turn-on = Facile à lire
falc-turn-off = Texte habituel
footer-admin = Espace animateurs
footer-sign-in = Espace animateurs (connexion)
footer-feed = Fil d’actualité (Atom)
footer-calendar = Agenda (iCalendar)
footer-sitemap = Plan du site
footer-about = Galaxie relie les tiers-lieux entre eux. Chaque lieu garde ses données. Logiciel libre.
sign-out = Se déconnecter
required = obligatoire
error-prefix = Erreur :
error-id = Numéro de l’erreur, à donner si vous demandez de l’aide :
back-home = Revenir à l’accueil
back-to-place = Revenir à la page de { $name }
listen = Écouter
listen-stop = Arrêter la lecture
print-sheet = Imprimer cette fiche
print-list = Imprimer cette liste
open-osm = Voir sur OpenStreetMap
price = Prix
published-by = Publié par
published-on = Publié le
image-full-size = Voir l’image en grand
edit = Modifier
view = Voir
delete = Supprimer
save = Enregistrer
choose-none = — Aucun choix —
title-with-errors = Erreur : { $title }
form-has-errors = { $count ->
    [one] Une information est à corriger
   *[other] { $count } informations sont à corriger
}
form-current-images = Images actuelles
form-delete = Supprimer cette publication

## Genres de publications
kind-event = Événement
kind-note = Actualité
kind-showcase = Patrimoine
kind-service = Service
kind-events = Événements
kind-notes = Actualités
kind-showcases = Patrimoine
kind-services = Services

## Filtres
filters-label = Filtres
filters-apply = Afficher
filters-clear = Tout afficher
filter-kind = Quoi ?
filter-all = Tout
filter-need = Pour quel besoin ?
filter-any-need = Tous les besoins
filter-town = Où ? Ville ou code postal
filter-town-hint = Par exemple : Reims, 51100, ou 51 pour la Marne.

## Accueil
home-title = Ce qui se passe dans les tiers-lieux
home-description = Les événements, actualités et services des tiers-lieux proches de chez vous.
home-intro = { $places ->
    [0] Les publications des lieux de cette instance et des lieux qu’elle suit.
    [one] Les publications d’un lieu de cette instance et des lieux qu’elle suit.
   *[other] Les publications des { $places } lieux de cette instance et des lieux qu’elle suit.
}
home-latest = Dernières publications
home-nothing = Rien n’a encore été publié.
home-nothing-filtered = Rien ne correspond à ces filtres. Essayez avec moins de filtres.
home-older = Publications plus anciennes

## Page d'un lieu
place-handle = Adresse sur le fédivers :
place-practical = Infos pratiques
place-hours = Horaires
place-address = Adresse
place-itinerant = Lieu itinérant
place-itinerant-text = Ce lieu se déplace : voyez ses prochains arrêts dans les événements.
place-phone = Téléphone
place-email = E-mail
place-website = Site web
place-booking = Rendez-vous
place-booking-link = Prendre rendez-vous
place-where = Où nous trouver
place-map-title = Carte : où se trouve { $name }
place-about = Présentation
place-offers = Ce que le lieu propose
place-services-detail = Les services en détail
place-services = Services
place-access = Accès et accessibilité
place-acceslibre = Voir l’accessibilité détaillée sur acceslibre
place-events = Prochains événements
place-events-all = Événements
place-no-events = Pas d’événement prévu pour l’instant.
place-showcases = Patrimoine
place-notes = Actualités
place-labels = Labels et programmes
label-held-by = décerné par { $issuer }
label-held-until = valable jusqu’au { $date }
feeds-title = Suivre sans compte
feed-calendar = Agenda (iCalendar)
follow-title = Suivre ce lieu depuis Mastodon
follow-intro = Avec un compte Mastodon (ou un autre réseau du fédivers), vous recevez ses nouvelles. Son adresse :
follow-account = Votre adresse Mastodon
follow-account-hint = Par exemple : @camille@mastodon.social
follow-submit = Suivre
follow-page-title = Suivre { $name }
follow-failed = Le suivi n’a pas pu commencer
follow-error-address = Écrivez votre adresse complète, avec deux @, par exemple @camille@mastodon.social.
follow-error-unreachable = Le serveur { $host } ne répond pas. Vérifiez l’adresse, ou réessayez plus tard.
follow-error-no-template = Le serveur { $host } ne permet pas de suivre depuis ce site. Copiez l’adresse ci-dessous dans la recherche de votre application.
follow-by-hand = Autre façon de suivre
follow-by-hand-text = Copiez cette adresse dans la recherche de votre application Mastodon, puis choisissez « Suivre » :

## Événement, patrimoine, actualité
event-practical = Quand et où
event-when = Quand
event-where = Où
event-online = En ligne
event-capacity = Places
event-capacity-value = { $count ->
    [one] Une place
   *[other] { $count } places
}
event-organiser = Organisé par
event-register = S’inscrire
event-add-calendar = Ajouter à mon agenda
event-map = Plan
event-map-title = Carte : où a lieu { $name }
event-description = Présentation
event-recurring = Cet événement revient régulièrement.
event-cancelled = Annulé
event-postponed = Reporté
event-rescheduled = Nouvelle date
event-moved-online = Se passe en ligne
showcase-kinds = Genre de patrimoine
showcase-tags = Mots-clés
showcase-license = Licence
showcase-license-text = vous pouvez reprendre ce texte et ces images en citant le lieu.
note-title = Actualité de { $place }

## Carte
map-title = Carte des lieux et des événements
map-intro = Les lieux et les prochains événements, sur une carte et dans une liste.
map-description = Chaque numéro de la carte correspond au même numéro dans la liste qui suit.
map-count = { $count ->
    [0] Carte : aucun lieu ni événement
    [one] Carte : un lieu ou événement
   *[other] Carte : { $count } lieux et événements
}
map-list = Liste : { $places ->
    [0] aucun lieu
    [one] un lieu
   *[other] { $places } lieux
}, { $events ->
    [0] aucun événement
    [one] un événement
   *[other] { $events } événements
}
map-legend-place = Lieu
map-legend-event = Événement
map-empty = Rien à montrer sur la carte avec ces filtres.

## Annuaire
directory-title = Trouver un lieu selon votre besoin
directory-title-need = Lieux pour : { $need }
directory-intro = Choisissez ce dont vous avez besoin. Les lieux qui peuvent vous aider s’affichent dessous.
directory-needs = De quoi avez-vous besoin ?
directory-open-now = Seulement les lieux ouverts maintenant
directory-places = { $count ->
    [0] Aucun lieu
    [one] Un lieu
   *[other] { $count } lieux
}
directory-empty = Aucun lieu ne correspond. Essayez un autre besoin ou une autre ville.

## Recherche
search-title = Rechercher
search-title-for = Recherche : { $q }
search-intro = Cherchez un lieu, un atelier, une aide, une ville.
search-label = Que cherchez-vous ?
search-hint = Par exemple : démarches, atelier smartphone, Reims.
search-submit = Rechercher
search-places = { $count ->
    [0] Aucun lieu trouvé
    [one] Un lieu trouvé
   *[other] { $count } lieux trouvés
}
search-items = { $count ->
    [0] Aucune publication trouvée
    [one] Une publication trouvée
   *[other] { $count } publications trouvées
}
search-no-places = Aucun lieu ne contient ces mots.
search-no-items = Aucune publication récente ne contient ces mots.

## Connexion
login-title = Connexion à l’espace animateurs
login-intro = Cet espace sert aux personnes qui publient pour un lieu.
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-failed = Connexion impossible
login-wrong = L’adresse e-mail ou le mot de passe ne correspond pas. Vérifiez et réessayez.
login-missing = Écrivez votre adresse e-mail et votre mot de passe.
login-locked = Trop d’essais ont échoué pour cette adresse. Attendez un quart d’heure avant de réessayer.
login-help = Pas de compte ? Demandez à la personne qui administre cette instance.

## Administration
admin-title = Espace animateurs
admin-intro = Vous êtes connecté avec { $email }.
admin-instance = Administration de l’instance
admin-new-place = Créer un lieu
admin-accounts = Comptes
admin-blocks = Blocages
admin-places = Vos lieux
admin-no-places = Aucun lieu ne vous est confié. Demandez à l’administrateur de l’instance.
admin-new-event = Publier un événement
admin-new-service = Ajouter un service
admin-new-showcase = Publier sur le patrimoine
admin-new-note = Publier une actualité
admin-publications = Publications
admin-edit-place = Modifier la fiche du lieu
admin-followers = Abonnés
done-saved = C’est enregistré.
done-published = C’est publié. Les abonnés vont le recevoir.
done-deleted = C’est supprimé.
done-cancelled = Cette date est annulée.
done-decided = C’est fait.
done-followed = Demande envoyée.
done-unfollowed = Vous ne suivez plus ce compte.
done-blocked = Ce domaine est bloqué.
done-unblocked = Ce domaine n’est plus bloqué.
done-account = Le compte est créé.
done-created = Le lieu est créé. Complétez sa fiche.
falc-hint = En facile à lire : des phrases courtes, des mots simples.
f-address = Adresse (numéro et rue)
f-address-complement = Complément d’adresse
f-postal-code = Code postal
f-city = Ville
f-lat = Latitude
f-lat-hint = Pour placer le point sur la carte. Par exemple : 49.25 (et longitude 4.03).
f-lon = Longitude
f-phone = Téléphone
image-hint = Une photo JPEG, PNG ou WebP. Les informations cachées (lieu de la prise de vue…) sont retirées.
image-alt = Description de l’image
image-alt-hint = Ce que montre l’image, pour les personnes qui ne la voient pas. Obligatoire si vous ajoutez une image.

place-create-title = Créer un lieu
place-create-intro = Le lieu aura sa page et son adresse sur le fédivers. Vous pourrez compléter sa fiche ensuite.
place-create-submit = Créer le lieu
place-edit-title = Fiche de { $name }
place-edit-intro = Ces informations sont publiques. Les abonnés reçoivent les changements.
place-fs-identity = Le lieu
place-fs-where = Où
place-fs-contact = Horaires et contact
place-fs-offer = Ce que le lieu propose
place-fs-admin = Informations administratives
place-f-name = Nom du lieu
place-f-username = Identifiant
place-f-username-hint = Sert dans l’adresse du lieu : lettres minuscules sans accent, chiffres et tirets. Par exemple : epn-saint-clair. Ne peut plus changer ensuite.
place-f-summary = Présentation courte
place-f-summary-hint = Une ou deux phrases, 280 caractères au maximum.
place-f-summary-falc = Présentation courte en facile à lire
place-f-description = Présentation détaillée
place-f-mobility = Le lieu se déplace-t-il ?
place-f-hours = Horaires d’ouverture
place-f-hours-hint = Format OpenStreetMap. Exemple : Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00 (Mo = lundi, Tu = mardi, We = mercredi, Th = jeudi, Fr = vendredi, Sa = samedi, Su = dimanche).
place-f-emails = E-mails de contact
place-f-emails-hint = Séparez-les par des virgules.
place-f-website = Site web
place-f-booking = Lien pour prendre rendez-vous
place-f-acceslibre = Fiche acceslibre
place-f-acceslibre-hint = L’adresse de la fiche du lieu sur acceslibre.beta.gouv.fr, qui décrit son accessibilité.
place-f-other-labels = Autres labels ou formations
place-f-legal-form = Forme juridique
place-f-pivot = SIRET, SIREN ou RNA
place-f-pivot-hint = 14 chiffres (SIRET), 9 chiffres (SIREN) ou W suivi de 9 caractères (RNA).
place-f-approval = Valider chaque nouvel abonné
place-f-approval-hint = Sinon, tout le monde peut suivre le lieu sans attendre.
mobility-fixed = Non, il a une adresse fixe
mobility-itinerant = Oui, il est itinérant
mobility-both = Les deux

event-new-title = Publier un événement de { $place }
event-edit-title = Modifier l’événement
event-intro = Les champs marqués « obligatoire » doivent être remplis. L’événement est envoyé aux abonnés du lieu.
event-publish = Publier l’événement
event-fs-what = L’événement
event-fs-when = Quand
event-fs-repeat = Répétition
event-fs-where = Où
event-fs-practical = Infos pratiques
event-fs-image = Image
event-f-name = Titre
event-f-name-hint = Par exemple : Atelier smartphone.
event-f-description = Description
event-f-summary-falc = Résumé en facile à lire
event-f-description-falc = Description en facile à lire
event-f-category = Genre d’événement
event-f-date = Date
event-f-start = Heure de début
event-f-time-hint = Par exemple : 14:00.
event-f-end = Heure de fin
event-f-end-date = Date de fin
event-f-end-date-hint = Seulement si l’événement dure plusieurs jours.
event-f-status = État
event-f-repeat = L’événement se répète-t-il ?
event-f-repeat-hint = Pour une permanence : les prochaines dates sont publiées une par une.
event-f-repeat-until = Jusqu’au
event-f-repeat-count = Ou nombre de fois
event-f-rrule = Règle de répétition (avancé)
event-f-rrule-hint = Pour les cas particuliers, une règle RRULE comme FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10. Laissez vide sinon.
event-f-location = Nom de la salle ou du lieu
event-f-online = Lien pour suivre en ligne
event-f-price = Prix
event-f-price-hint = En mots simples : gratuit, 5 €, prix libre…
event-f-capacity = Nombre de places
event-f-registration = Lien pour s’inscrire
event-f-registration-hint = Si l’inscription se fait sur un autre site.
event-f-banner = Image de l’événement
event-f-remove-banner = Retirer l’image actuelle ({ $alt })
status-scheduled = Prévu
status-cancelled = Annulé
status-postponed = Reporté (date inconnue)
status-rescheduled = Déplacé à une autre date
status-moved-online = Se passe en ligne
repeat-none = Non, une seule fois
repeat-weekly = Chaque semaine
repeat-biweekly = Toutes les deux semaines
repeat-monthly = Chaque mois, le même jour de la semaine

service-new-title = Ajouter un service de { $place }
service-edit-title = Modifier le service
service-intro = Un service, c’est une aide que le lieu propose toute l’année.
service-publish = Publier le service
service-fs-what = Le service
service-fs-concepts = Pour qui, à quel prix, comment
service-fs-practical = Infos pratiques
service-f-name = Nom du service
service-f-name-hint = Par exemple : Aide aux démarches en ligne.
service-f-description = Ce que le service propose
service-f-description-falc = Description en facile à lire
service-f-hours = Horaires propres au service
showcase-new-title = Publier sur le patrimoine de { $place }
showcase-edit-title = Modifier la publication sur le patrimoine
showcase-intro = Faites connaître un élément du patrimoine de votre territoire : un bâtiment, un savoir-faire, une histoire.
showcase-publish = Publier
showcase-fs-what = Le patrimoine
showcase-fs-images = Images
showcase-fs-where = Où
showcase-f-name = Titre
showcase-f-summary = Résumé en une phrase
showcase-f-summary-hint = 280 caractères au maximum.
showcase-f-content = Texte
showcase-f-content-falc = Texte en facile à lire
showcase-f-hashtags = Mots-clés
showcase-f-hashtags-hint = Séparés par des virgules, par exemple : lavoir, patrimoine.
showcase-f-license = Licence
showcase-f-license-hint = Ce que les autres ont le droit de faire avec ce texte et ces images.
showcase-f-location = Nom du site
showcase-f-keep = Images à garder
showcase-f-image = Nouvelle image { $n }
showcase-f-image-alt = Description de la nouvelle image { $n }
note-new-title = Publier une actualité de { $place }
note-edit-title = Modifier l’actualité
note-intro = Une nouvelle courte, envoyée aux abonnés.
note-publish = Publier l’actualité
note-fs = L’actualité
note-f-text = Texte
note-f-text-hint = Les adresses web deviennent des liens.
note-f-text-falc = Texte en facile à lire
publications-title = Publications de { $place }
publications-dates = Prochaines dates
publications-none = Rien pour l’instant.
cancel-date = Annuler cette date
delete-title = Supprimer une publication
delete-question = Voulez-vous vraiment supprimer ce contenu ({ $kind }) :
delete-explain = Les abonnés seront prévenus. Cela ne peut pas être défait.
delete-recurring = C’est un événement qui se répète : toutes ses prochaines dates seront retirées.
delete-confirm = Oui, supprimer
delete-cancel = Non, revenir
followers-title = Abonnés de { $place }
followers-pending = { $count ->
    [0] Aucune demande en attente
    [one] Une demande en attente
   *[other] { $count } demandes en attente
}
followers-no-approval = Ce lieu accepte les abonnés sans validation (voir sa fiche).
followers-accepted = { $count ->
    [0] Aucun abonné
    [one] Un abonné
   *[other] { $count } abonnés
}
followers-none = Personne ne suit encore ce lieu.
followers-since = depuis le { $date }
followers-approve = Accepter
followers-reject = Refuser
followers-remove = Retirer
following-title = Les comptes que ce lieu suit
following-intro = Suivez d’autres lieux ou réseaux : leurs publications arrivent dans le fil et sur la carte.
following-target = Adresse du compte à suivre
following-target-hint = Par exemple : @epn-saint-clair@lieu.example
following-submit = Suivre
following-pending = en attente d’acceptation
following-stop = Ne plus suivre
following-empty = Écrivez l’adresse du compte à suivre.
following-failed = Impossible de suivre { $target } : vérifiez l’adresse, ou réessayez plus tard.
blocks-title = Domaines bloqués
blocks-intro = Un domaine bloqué ne peut plus rien envoyer à cette instance, et ne reçoit plus rien d’elle.
blocks-domain = Domaine à bloquer
blocks-domain-hint = Par exemple : spam.example
blocks-reason = Raison (pour mémoire)
blocks-submit = Bloquer ce domaine
blocks-list = { $count ->
    [0] Aucun domaine bloqué
    [one] Un domaine bloqué
   *[other] { $count } domaines bloqués
}
blocks-none = Rien n’est bloqué.
blocks-remove = Débloquer
blocks-invalid = Écrivez un nom de domaine, par exemple spam.example.
accounts-title = Comptes
accounts-list = Les comptes
accounts-new = Nouveau compte
accounts-password = Mot de passe
accounts-password-hint = Au moins { $count } caractères. Donnez-le à la personne de vive voix.
accounts-is-admin = Administrateur de l’instance
accounts-is-admin-hint = Peut tout faire : créer des lieux et des comptes, bloquer des domaines.
accounts-places = Lieux confiés
accounts-submit = Créer le compte
accounts-role = Rôle
accounts-role-admin = Administrateur
accounts-role-editor = Animateur
accounts-last-login = Dernière connexion
# Networks, memberships, relays (administration)
admin-networks = Réseaux
admin-relays = Relais et abonnements
admin-memberships = Réseaux du lieu
done-network-created = Le réseau est créé.
done-withdrawn = La publication est retirée du réseau.
done-joined = Demande d’adhésion envoyée.
done-left = Le lieu a quitté ce réseau.
done-subscribed = Demande d’abonnement envoyée au relais.
done-unsubscribed = L’abonnement est arrêté.
networks-title = Réseaux de l’instance
networks-intro = Un réseau regroupe des lieux. Il repartage ce que publient ses membres.
networks-list = { $count ->
    [0] Aucun réseau
    [one] Un réseau
   *[other] { $count } réseaux
}
networks-none = Cette instance n’a pas encore de réseau.
networks-counts = { $accepted } membre(s), { $pending } demande(s) en attente
networks-manage = Gérer les membres
networks-public = Page publique
networks-create = Créer un réseau
networks-create-submit = Créer le réseau
networks-username = Identifiant du réseau
networks-username-hint = Des lettres minuscules, des chiffres ou des tirets. Par exemple : tiers-lieux-marne
networks-name = Nom du réseau
networks-summary = Présentation courte
networks-policy = Comment entrer dans le réseau
networks-policy-approval = Un modérateur accepte chaque demande
networks-policy-open = Tout le monde peut entrer
networks-policy-missing = Choisissez comment entrer dans le réseau.
network-title = { $network } : gestion
members-title = { $count ->
    [0] Aucun membre
    [one] Un membre ou une demande
   *[other] { $count } membres et demandes
}
members-none = Personne n’a encore demandé à entrer.
members-since = depuis le { $date }
members-reason = Raison (facultatif, elle sera publique)
members-approve = Accepter
members-refuse = Refuser
members-remove = Retirer du réseau
members-block = Exclure
member-status-pending = demande en attente
member-status-accepted = membre
member-status-refused = demande refusée
member-status-left = a quitté le réseau
member-status-removed = retiré du réseau
member-status-blocked = exclu
withdraw-title = Retirer une publication
withdraw-intro = Le réseau ne partagera plus cette publication. Ses abonnés en sont prévenus.
withdraw-object = Adresse de la publication
withdraw-object-hint = Par exemple : https://lieu.example/objects/12
withdraw-reason = Raison (facultatif, elle sera publique)
withdraw-submit = Retirer la publication
withdraw-invalid = Écrivez l’adresse complète de la publication, qui commence par https://
withdraw-unknown = Ce réseau n’a pas partagé cette publication.
log-title = Journal de modération
log-none = Aucune décision pour l’instant.
log-reason = raison : { $reason }
log-accept = adhésion acceptée
log-refuse = adhésion refusée
log-leave = départ du réseau
log-remove-member = membre retiré
log-block-member = membre exclu
log-withdraw-post = publication retirée
log-reject-activity = activité refusée
log-other = décision
memberships-title = Réseaux de { $place }
memberships-intro = Dans un réseau, ce que publie le lieu est repartagé aux abonnés du réseau.
memberships-network = Adresse du réseau
memberships-network-hint = Par exemple : @tiers-lieux-marne@reseau.example
memberships-join = Demander à entrer
memberships-empty = Écrivez l’adresse du réseau.
memberships-failed = Impossible de trouver le réseau { $target } : vérifiez l’adresse, ou réessayez plus tard.
memberships-list = { $count ->
    [0] Aucun réseau
    [one] Un réseau
   *[other] { $count } réseaux
}
memberships-none = Ce lieu n’est dans aucun réseau.
memberships-leave = Quitter ce réseau
relays-title = Relais et abonnements
relays-intro = Un relais transmet à cette instance ce que publient d’autres instances. L’instance peut aussi suivre un lieu ou un réseau pour le fil d’actualité.
relays-subscribe = S’abonner à un relais
relays-url = Adresse du relais
relays-url-hint = Par exemple : https://relais.example/inbox ou https://relais.example/actor
relays-url-empty = Écrivez l’adresse du relais.
relays-url-invalid = Cette adresse n’est pas celle d’un relais. Elle doit commencer par https:// (par exemple https://relais.example/inbox).
relays-failed = Impossible de s’abonner à { $target } : vérifiez l’adresse, ou réessayez plus tard.
relays-protocol = Type de relais
relays-protocol-auto = Trouver tout seul
relays-subscribe-submit = S’abonner au relais
relays-follow = Suivre un lieu ou un réseau
relays-target = Adresse du lieu ou du réseau
relays-target-hint = Par exemple : @epn@lieu.example
relays-target-empty = Écrivez l’adresse du lieu ou du réseau à suivre.
relays-follow-submit = Suivre
relays-subscriptions = { $count ->
    [0] Aucun abonnement
    [one] Un abonnement
   *[other] { $count } abonnements
}
relays-subscriptions-none = L’instance ne suit aucun relais, lieu ou réseau.
relays-unsubscribe = Arrêter
relays-subscribers = { $count ->
    [0] Aucune instance abonnée à ce relais
    [one] Une instance abonnée à ce relais
   *[other] { $count } instances abonnées à ce relais
}
relays-subscribers-none = Aucune instance ne reçoit les publications par cette instance.
relays-kind-actor = lieu ou réseau
relays-kind-mastodon = relais de type Mastodon
relays-kind-litepub = relais de type LitePub
relays-status-pending = en attente
relays-status-accepted = accepté
relays-status-rejected = refusé
admin-reports = Signalements
done-resolved = Le signalement est marqué comme traité.
reports-title = Signalements
reports-intro = D’autres serveurs signalent ici des comptes ou des publications. Regardez, décidez (par exemple bloquer un domaine), puis marquez le signalement comme traité.
reports-pending = { $count ->
    [0] Aucun signalement à traiter
    [one] Un signalement à traiter
   *[other] { $count } signalements à traiter
}
reports-none = Aucun signalement à traiter.
reports-by = Le { $date }, signalé par
reports-objects = Ce qui est signalé :
reports-resolve = Traité
reports-resolved = { $count ->
    [one] Un signalement traité
   *[other] { $count } signalements traités
}
reports-resolved-on = traité le { $date }

## Orientation (Passeport numérique)
nav-orientation = Trouver de l’aide
orientation-title = Trouver de l’aide près de chez vous
orientation-intro = Répondez aux questions, seul ou avec un médiateur. Nous cherchons les lieux qui peuvent vous aider, et nous disons pourquoi.
orientation-private = Rien de ce que vous répondez n’est enregistré sur ce site.
orientation-invalid = Certaines réponses ne vont pas. Corrigez-les plus bas.
orientation-step-need = 1. De quoi avez-vous besoin ?
orientation-step-where = 2. Où êtes-vous ?
orientation-step-when = 3. Quand êtes-vous libre ?
orientation-step-matters = 4. Ce qui compte pour vous
orientation-step-how = 5. Comment voulez-vous y aller ?
orientation-step-skills = 6. Ce que vous savez déjà faire
orientation-need = Mes besoins
orientation-need-hint = Cochez un ou plusieurs besoins.
orientation-town = Ma ville ou mon code postal
orientation-town-hint = Par exemple : 51100 ou Reims.
orientation-town-unknown = Nous ne connaissons aucun lieu dans cette ville. Écrivez le code postal, ou le nom de la ville.
orientation-radius = Jusqu’où pouvez-vous aller ?
orientation-radius-km = { $km } km
orientation-remote = Je peux être aidé par téléphone ou par internet
orientation-days = Mes jours libres
orientation-time = Mon moment libre
orientation-time-any = Peu importe
orientation-time-morning = Le matin
orientation-time-afternoon = L’après-midi
orientation-time-evening = Le soir
orientation-free = Je veux un lieu gratuit
orientation-wheelchair = Je me déplace en fauteuil roulant
orientation-supports = J’ai besoin d’une aide adaptée
orientation-publics = Je suis
orientation-access = Je préfère
orientation-by = Qui fait la demande ?
orientation-by-usagers = Moi-même
orientation-by-professionnels = Un professionnel, avec moi
orientation-skills = Je sais déjà
orientation-submit = Voir les lieux
orientation-results-title = Les lieux qui peuvent vous aider
orientation-results-count = { $count ->
    [0] Aucun lieu trouvé
    [one] Un lieu trouvé
   *[other] { $count } lieux trouvés
}
orientation-results-empty = Aucun lieu ne correspond. Essayez d’aller plus loin, ou enlevez une condition.
orientation-excluded = Lieux mis de côté : { $free } payants, { $wheelchair } pas accessibles en fauteuil, { $far } trop loin.
orientation-why = Pourquoi ce lieu
orientation-fits = Convient :
orientation-warning = Attention :
orientation-hours = Horaires
orientation-how = Comment y aller
orientation-phone = Téléphone
orientation-book = Prendre rendez-vous
orientation-choose = Garder ce lieu sur mon passeport
orientation-make-sheet = Préparer ma fiche à imprimer
orientation-see-all = Voir tous les lieux, aujourd’hui
orientation-edit = Modifier mes réponses
orientation-passport-link = Mon passeport : le lien à garder
orientation-passport-link-hint = Ce lien garde vos réponses. Il ne les envoie à personne.
orientation-print = Imprimer
orientation-sheet-title = Mon passeport numérique
orientation-sheet-answers = Mes réponses
orientation-sheet-places = Mes lieux
orientation-sheet-map = Carte de mes lieux
orientation-sheet-map-desc = Les numéros de la carte sont ceux de la liste.
orientation-sheet-checklist = Ce que je sais faire
orientation-skill-yes = Je sais
orientation-skill-no = À apprendre
orientation-sheet-qr = Scannez ce code pour retrouver ce passeport
orientation-sheet-printed = Fiche préparée le { $date }
orientation-answer-where = Près de { $place }, jusqu’à { $km } km
orientation-passport-title = Passeport numérique
orientation-passport-nojs = Ce passeport s’ouvre dans un navigateur avec JavaScript. Sinon, refaites le questionnaire avec la personne.
orientation-passport-empty = Ce lien ne contient pas de réponses.
orientation-passport-invalid = Ce passeport ne peut pas être lu. Refaites le questionnaire.
orientation-passport-start = Commencer le questionnaire

## The funding watch (pages/funding.rs)
funding-kind = Appels à projets
funding-title = Financements pour { $place }
funding-archive-title = Appels clos pour { $place }
funding-intro = Les appels à projets et subventions auxquels ce lieu peut répondre, selon sa forme juridique, son territoire et ses services, par date limite.
funding-empty = Aucun appel ouvert pour ce lieu en ce moment.
funding-archive-empty = Aucun appel clos pour ce lieu.
funding-archive-link = Voir les appels clos
funding-open-link = Voir les appels ouverts
funding-atom = Flux Atom des appels
funding-ics = Calendrier des dates limites
funding-deadline = Date limite
funding-no-deadline = Sans date limite
funding-closes-in = { $days ->
    [0] Ferme aujourd’hui
    [1] Ferme demain
   *[other] Ferme dans { $days } jours
}
funding-closed = Fermé
funding-funder = Financeur
funding-programme = Programme
funding-opening = Ouverture
funding-amount = Montant
funding-eligible = Qui peut demander
funding-anyone = Toutes les structures
funding-territory = Territoire
funding-themes = Thèmes
funding-how = Comment demander
funding-apply = Déposer un dossier
funding-source = Page du financeur
funding-new-title = Publier un appel à projets — { $place }
funding-f-intro = L’appel est envoyé aux abonnés et, pour un réseau, à ses membres. Chaque lieu le voit s’il peut y répondre.
funding-f-name = Titre de l’appel
funding-f-description = Ce qui est financé
funding-f-deadline-hint = Le dernier jour pour déposer un dossier. Laissez vide si l’appel est ouvert en continu.
funding-f-territory-hint = France, ou des codes séparés par des virgules : region:44, departement:67, ou le code INSEE d’une commune.
funding-f-amount-max = Montant maximum (en euros)
funding-f-publish = Publier l’appel
funding-fs-what = L’appel
funding-fs-when = Les dates
funding-fs-who = Qui peut demander
funding-fs-how = Montant et dépôt
funding-place-link = Appels à projets pour ce lieu

## Coopération entre lieux et code source (`pages::cooperation`)
nav-cooperation = Coopérations
coop-kicker = Coopérations
coop-list-title = Offres et demandes de coopération
coop-list-intro = Les lieux proposent et demandent : mécénat de compétences, prêt de matériel, salles, permanences, bénévolat, partenariats en SCIC ou SCOP.
coop-list-link = Toutes les offres et demandes
coop-place-title = Coopérations de { $place }
coop-place-intro = Ce que ce lieu propose ou demande aux autres lieux, et les accords conclus.
coop-place-link = Coopérations de ce lieu
coop-purpose = Offre ou demande
coop-purpose-offer = Offre
coop-purpose-request = Demande
coop-all = Toutes
coop-kind = Type de coopération
coop-departement = Département
coop-departement-hint = Son numéro, par exemple 67 ou 2A.
coop-proposals = { $count ->
    [0] Aucune proposition
    [one] 1 proposition
   *[other] { $count } propositions
}
coop-empty = Aucune offre ni demande pour l’instant.
coop-by = Par
coop-quantity = Quantité
coop-unit = Unité
coop-unit-one = unité(s)
coop-unit-hour = heure(s)
coop-unit-day = jour(s)
coop-reciprocal = En échange
coop-answer-as = Répondre au nom de
coop-message = Votre message
coop-answer = Répondre
coop-agreements = Accords
coop-no-agreement = Aucun accord pour l’instant.
coop-status-pending = En attente de réponse
coop-status-accepted = Accord conclu
coop-status-rejected = Refusé
coop-answered-by = Réponse de
coop-proposed-by = Proposé par
coop-accept = Accepter
coop-reject = Refuser
coop-place-proposals = Offres et demandes du lieu
coop-propose = Publier une offre ou une demande
coop-name = Titre
coop-content = Détails
coop-publish = Publier
source-kicker = Code source
source-title = Code source de { $place }
source-intro = La gouvernance, le modèle économique, les partenariats, la charte et les recettes de ce lieu, sous licence libre : un autre lieu peut partir de ce modèle.
source-link = Code source du lieu
source-contents = Sommaire
source-license = Licence :
source-fork-of = Repris de
source-empty = Ce lieu n’a pas encore publié son code source.
source-forks = Lieux partis de ce modèle
source-no-fork = Aucun lieu n’est encore parti de ce modèle.
source-fork-title = Démarrer un nouveau lieu à partir de ce modèle
source-fork-intro = Un nouveau lieu est créé sur cette instance avec une copie de ces articles ; l’auteur d’origine et la licence sont conservés, et ce lieu est prévenu.
source-fork-username = Identifiant du nouveau lieu
source-fork-username-hint = Lettres minuscules, chiffres, tirets : par exemple tiers-lieu-du-port.
source-fork-name = Nom du nouveau lieu
source-fork-button = Démarrer le nouveau lieu
source-new = Publier un article du code source
source-kind = Partie du modèle
source-text = Texte
source-license-field = Licence
source-license-hint = Une licence libre : CC-BY-SA-4.0 (par défaut), CC-BY-4.0, CC0-1.0 ou Etalab-2.0.
coop-frameworks = Cadres de coopération
coop-no-framework = Aucun cadre de coopération indiqué.
coop-frameworks-choose = Les cadres dans lesquels ce lieu coopère
coop-frameworks-save = Enregistrer les cadres
funding-edit-title = Modifier un appel à projets — { $place }
funding-f-save = Enregistrer et republier
funding-kind-one = appel à projets
funding-edit-link = Modifier ou retirer cet appel

## Labels régionaux (administration)
labels-title = Labels de { $network }
labels-link = Labels du réseau
labels-intro = Le réseau définit ses labels et leurs critères. Un lieu membre candidate en répondant à chaque critère ; vous décernez le label (une attestation signée par le réseau, vérifiable par tous) ou refusez, et pouvez le retirer.
labels-refused = Le formulaire n’a pas été accepté
labels-field-error = { $field } : { $message }
labels-none = Ce réseau n’a pas encore de label.
labels-slug = Identifiant
labels-slug-hint = Lettres minuscules, chiffres et tirets, par exemple lieu-solidaire. Il fait partie de l’adresse du label.
labels-name = Nom du label
labels-criteria = Critères
labels-criteria-hint = Un critère par ligne. Le lieu répondra à chacun.
labels-validity = Durée de validité (en mois)
labels-validity-hint = De 1 à 120 mois. Utilisée quand vous ne donnez pas de date de fin.
labels-validity-value = valable { $months } mois
labels-define-title = Définir un label
labels-define-submit = Enregistrer le label
labels-criteria-title = Critères
labels-applications-title = Candidatures en attente
labels-applications-none = Aucune candidature en attente.
labels-until = Fin de validité
labels-until-hint = Une date AAAA-MM-JJ, par exemple 2028-12-31. Vide : la durée de validité du label.
labels-reason = Raison du refus (envoyée au lieu)
labels-grant-submit = Décerner le label
labels-refuse-submit = Refuser
labels-holders-title = Lieux labellisés
labels-holders-none = Aucun lieu ne détient ce label.
labels-attestation = Attestation
labels-revoke-submit = Retirer le label
labels-grant-title = Décerner à un lieu membre
labels-place = Lieu
labels-place-hint = @lieu@instance, ou l’adresse du lieu. Il doit être membre du réseau.
labels-done-defined = Le label est enregistré.
labels-done-granted = Le label est décerné : l’attestation signée est envoyée au lieu et aux abonnés du réseau.
labels-done-refused = La candidature est refusée ; le lieu est prévenu.
labels-done-revoked = Le label est retiré ; le retrait est envoyé au lieu et aux abonnés du réseau.

labels-apply-title = Candidater à un label — { $place }
labels-apply-link = Candidater à un label
labels-apply-intro = Un réseau dont le lieu est membre décerne des labels. Choisissez le label, répondez à chacun de ses critères, puis envoyez la candidature : les modérateurs du réseau décident.
labels-apply-choose-title = Choisir un label
labels-apply-label = Label
labels-apply-label-hint = L’adresse du label, ou réseau/identifiant pour un réseau de cette instance, par exemple reseau-grand-est/lieu-solidaire.
labels-apply-choose-submit = Voir les critères
labels-apply-answer-title = Répondre aux critères de « { $label } »
labels-apply-submit = Envoyer la candidature
labels-apply-sent-title = Candidatures envoyées
labels-apply-sent-none = Le lieu n’a pas encore candidaté.
labels-status-pending = en attente
labels-status-approved = acceptée
labels-status-refused = refusée
labels-done-applied = La candidature est envoyée au réseau.
