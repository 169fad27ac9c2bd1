# Galaxie — the interface's words, in English.

## Page frame
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
nav-map = Map
nav-directory = Directory
nav-search = Search
prefs-label = Display settings
falc-turn-on = Easy read (French)
falc-turn-off = Usual text
footer-admin = Organisers' area
footer-sign-in = Organisers' area (sign in)
footer-feed = News feed (Atom)
footer-calendar = Calendar (iCalendar)
footer-sitemap = Site map
footer-about = Galaxie links third places together. Each place keeps its own data. Free software.
sign-out = Sign out
required = required
error-prefix = Error:
error-id = Error number, to give if you ask for help:
back-home = Back to the home page
back-to-place = Back to the page of { $name }
listen = Listen
listen-stop = Stop reading
print-sheet = Print this sheet
print-list = Print this list
open-osm = See on OpenStreetMap
price = Price
published-by = Published by
published-on = Published on
image-full-size = See the full-size image
edit = Edit
view = View
delete = Delete
save = Save
choose-none = — No choice —
title-with-errors = Error: { $title }
form-has-errors = { $count ->
    [one] One thing needs correcting
   *[other] { $count } things need correcting
}
form-current-images = Current images
form-delete = Delete this publication

## Kinds of publications
kind-event = Event
kind-note = News
kind-showcase = Heritage
kind-service = Service
kind-events = Events
kind-notes = News
kind-showcases = Heritage
kind-services = Services

## Filters
filters-label = Filters
filters-apply = Show
filters-clear = Show everything
filter-kind = What?
filter-all = Everything
filter-need = For which need?
filter-any-need = Any need
filter-town = Where? Town or postal code
filter-town-hint = For example: Reims, 51100, or 51 for the Marne.

## Home
home-title = What is happening in the third places
home-description = Events, news and services of the third places near you.
home-intro = { $places ->
    [0] What the places of this instance, and the places it follows, publish.
    [one] What the place of this instance, and the places it follows, publish.
   *[other] What the { $places } places of this instance, and the places it follows, publish.
}
home-latest = Latest publications
home-nothing = Nothing has been published yet.
home-nothing-filtered = Nothing matches these filters. Try with fewer filters.
home-older = Older publications

## A place's page
place-handle = Address on the fediverse:
place-practical = Practical information
place-hours = Opening hours
place-address = Address
place-itinerant = Itinerant place
place-itinerant-text = This place moves around: see its next stops among its events.
place-phone = Telephone
place-email = E-mail
place-website = Website
place-booking = Appointments
place-booking-link = Book an appointment
place-where = Where to find us
place-map-title = Map: where { $name } is
place-about = About
place-offers = What the place offers
place-services-detail = The services in detail
place-services = Services
place-access = Access and accessibility
place-acceslibre = See the detailed accessibility on acceslibre
place-events = Next events
place-events-all = Events
place-no-events = No event planned for now.
place-showcases = Heritage
place-notes = News
place-labels = Labels and programmes
label-held-by = granted by { $issuer }
label-held-until = valid until { $date }
feeds-title = Follow without an account
feed-calendar = Calendar (iCalendar)
follow-title = Follow this place from Mastodon
follow-intro = With a Mastodon account (or another fediverse network), you get its news. Its address:
follow-account = Your Mastodon address
follow-account-hint = For example: @camille@mastodon.social
follow-submit = Follow
follow-page-title = Follow { $name }
follow-failed = Following could not start
follow-error-address = Write your full address, with two @, for example @camille@mastodon.social.
follow-error-unreachable = The server { $host } does not answer. Check the address, or try again later.
follow-error-no-template = The server { $host } does not allow following from this site. Copy the address below into your app's search.
follow-by-hand = Another way to follow
follow-by-hand-text = Copy this address into the search of your Mastodon app, then choose "Follow":

## Event, heritage, news
event-practical = When and where
event-when = When
event-where = Where
event-online = Online
event-capacity = Places
event-capacity-value = { $count ->
    [one] One place
   *[other] { $count } places
}
event-organiser = Organised by
event-register = Register
event-add-calendar = Add to my calendar
event-map = Map
event-map-title = Map: where { $name } takes place
event-description = About
event-recurring = This event comes back regularly.
event-cancelled = Cancelled
event-postponed = Postponed
event-rescheduled = New date
event-moved-online = Now online
showcase-kinds = Kind of heritage
showcase-tags = Keywords
showcase-license = Licence
showcase-license-text = you may reuse this text and these images, naming the place.
note-title = News from { $place }

## Map
map-title = Map of places and events
map-intro = The places and the next events, on a map and in a list.
map-description = Each number on the map is the same number in the list that follows.
map-count = { $count ->
    [0] Map: no place nor event
    [one] Map: one place or event
   *[other] Map: { $count } places and events
}
map-list = List: { $places ->
    [0] no place
    [one] one place
   *[other] { $places } places
}, { $events ->
    [0] no event
    [one] one event
   *[other] { $events } events
}
map-legend-place = Place
map-legend-event = Event
map-empty = Nothing to show on the map with these filters.

## Directory
directory-title = Find a place for your need
directory-title-need = Places for: { $need }
directory-intro = Choose what you need. The places that can help you show below.
directory-needs = What do you need?
directory-open-now = Only places open now
directory-places = { $count ->
    [0] No place
    [one] One place
   *[other] { $count } places
}
directory-empty = No place matches. Try another need or another town.

## Search
search-title = Search
search-title-for = Search: { $q }
search-intro = Look for a place, a workshop, some help, a town.
search-label = What are you looking for?
search-hint = For example: paperwork, smartphone workshop, Reims.
search-submit = Search
search-places = { $count ->
    [0] No place found
    [one] One place found
   *[other] { $count } places found
}
search-items = { $count ->
    [0] No publication found
    [one] One publication found
   *[other] { $count } publications found
}
search-no-places = No place has these words.
search-no-items = No recent publication has these words.

## Sign in
login-title = Sign in to the organisers' area
login-intro = This area is for the people who publish for a place.
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-failed = Cannot sign in
login-wrong = The e-mail address or the password does not match. Check and try again.
login-missing = Write your e-mail address and your password.
login-locked = Too many attempts failed for this address. Wait a quarter of an hour before trying again.
login-help = No account? Ask the person who runs this instance.

## Administration
admin-title = Organisers' area
admin-intro = You are signed in as { $email }.
admin-instance = Instance administration
admin-new-place = Create a place
admin-accounts = Accounts
admin-blocks = Blocks
admin-places = Your places
admin-no-places = No place is entrusted to you. Ask the instance's administrator.
admin-new-event = Publish an event
admin-new-service = Add a service
admin-new-showcase = Publish about heritage
admin-new-note = Publish news
admin-publications = Publications
admin-edit-place = Edit the place's profile
admin-followers = Followers
done-saved = Saved.
done-published = Published. Followers will receive it.
done-deleted = Deleted.
done-cancelled = This date is cancelled.
done-decided = Done.
done-followed = Request sent.
done-unfollowed = You no longer follow this account.
done-blocked = This domain is blocked.
done-unblocked = This domain is no longer blocked.
done-account = The account is created.
done-created = The place is created. Complete its profile.
falc-hint = In easy-read French: short sentences, simple words.
f-address = Address (number and street)
f-address-complement = Address complement
f-postal-code = Postal code
f-city = Town
f-lat = Latitude
f-lat-hint = To put the point on the map. For example: 49.25 (and longitude 4.03).
f-lon = Longitude
f-phone = Telephone
image-hint = A JPEG, PNG or WebP photo. Hidden information (where it was taken…) is removed.
image-alt = Description of the image
image-alt-hint = What the image shows, for people who cannot see it. Required when you add an image.

place-create-title = Create a place
place-create-intro = The place gets its page and its fediverse address. You can complete its profile afterwards.
place-create-submit = Create the place
place-edit-title = Profile of { $name }
place-edit-intro = This information is public. Followers receive the changes.
place-fs-identity = The place
place-fs-where = Where
place-fs-contact = Hours and contact
place-fs-offer = What the place offers
place-fs-admin = Administrative information
place-f-name = Name of the place
place-f-username = Identifier
place-f-username-hint = Used in the place's address: lowercase letters without accents, digits and hyphens. For example: epn-saint-clair. Cannot change afterwards.
place-f-summary = Short presentation
place-f-summary-hint = One or two sentences, at most 280 characters.
place-f-summary-falc = Short presentation in easy-read French
place-f-description = Detailed presentation
place-f-mobility = Does the place move around?
place-f-hours = Opening hours
place-f-hours-hint = OpenStreetMap format. Example: Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00.
place-f-emails = Contact e-mails
place-f-emails-hint = Separate them with commas.
place-f-website = Website
place-f-booking = Link to book an appointment
place-f-acceslibre = acceslibre record
place-f-acceslibre-hint = The address of the place's record on acceslibre.beta.gouv.fr, which describes its accessibility.
place-f-other-labels = Other labels or trainings
place-f-legal-form = Legal form
place-f-pivot = SIRET, SIREN or RNA
place-f-pivot-hint = 14 digits (SIRET), 9 digits (SIREN) or W followed by 9 characters (RNA).
place-f-approval = Approve each new follower
place-f-approval-hint = Otherwise anyone can follow the place straight away.
mobility-fixed = No, it has a fixed address
mobility-itinerant = Yes, it is itinerant
mobility-both = Both

event-new-title = Publish an event of { $place }
event-edit-title = Edit the event
event-intro = Fields marked "required" must be filled in. The event is sent to the place's followers.
event-publish = Publish the event
event-fs-what = The event
event-fs-when = When
event-fs-repeat = Repetition
event-fs-where = Where
event-fs-practical = Practical information
event-fs-image = Image
event-f-name = Title
event-f-name-hint = For example: Smartphone workshop.
event-f-description = Description
event-f-summary-falc = Summary in easy-read French
event-f-description-falc = Description in easy-read French
event-f-category = Kind of event
event-f-date = Date
event-f-start = Start time
event-f-time-hint = For example: 14:00.
event-f-end = End time
event-f-end-date = End date
event-f-end-date-hint = Only when the event lasts several days.
event-f-status = Status
event-f-repeat = Does the event repeat?
event-f-repeat-hint = For a regular drop-in: the next dates are published one by one.
event-f-repeat-until = Until
event-f-repeat-count = Or number of times
event-f-rrule = Repetition rule (advanced)
event-f-rrule-hint = For special cases, an RRULE such as FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10. Leave empty otherwise.
event-f-location = Name of the room or venue
event-f-online = Link to follow online
event-f-price = Price
event-f-price-hint = In plain words: free, 5 €, pay what you can…
event-f-capacity = Number of places
event-f-registration = Link to register
event-f-registration-hint = When registration happens on another site.
event-f-banner = Image of the event
event-f-remove-banner = Remove the current image ({ $alt })
status-scheduled = Planned
status-cancelled = Cancelled
status-postponed = Postponed (date unknown)
status-rescheduled = Moved to another date
status-moved-online = Now online
repeat-none = No, only once
repeat-weekly = Every week
repeat-biweekly = Every two weeks
repeat-monthly = Every month, on the same weekday

service-new-title = Add a service of { $place }
service-edit-title = Edit the service
service-intro = A service is help the place offers all year round.
service-publish = Publish the service
service-fs-what = The service
service-fs-concepts = For whom, at what price, how
service-fs-practical = Practical information
service-f-name = Name of the service
service-f-name-hint = For example: Help with online paperwork.
service-f-description = What the service offers
service-f-description-falc = Description in easy-read French
service-f-hours = The service's own hours
showcase-new-title = Publish about the heritage of { $place }
showcase-edit-title = Edit the heritage publication
showcase-intro = Make a piece of your area's heritage known: a building, a craft, a story.
showcase-publish = Publish
showcase-fs-what = The heritage
showcase-fs-images = Images
showcase-fs-where = Where
showcase-f-name = Title
showcase-f-summary = One-sentence summary
showcase-f-summary-hint = At most 280 characters.
showcase-f-content = Text
showcase-f-content-falc = Text in easy-read French
showcase-f-hashtags = Keywords
showcase-f-hashtags-hint = Separated by commas, for example: washhouse, heritage.
showcase-f-license = Licence
showcase-f-license-hint = What others may do with this text and these images.
showcase-f-location = Name of the site
showcase-f-keep = Images to keep
showcase-f-image = New image { $n }
showcase-f-image-alt = Description of new image { $n }
note-new-title = Publish news of { $place }
note-edit-title = Edit the news
note-intro = A short piece of news, sent to followers.
note-publish = Publish the news
note-fs = The news
note-f-text = Text
note-f-text-hint = Web addresses become links.
note-f-text-falc = Text in easy-read French
publications-title = Publications of { $place }
publications-dates = Next dates
publications-none = Nothing yet.
cancel-date = Cancel this date
delete-title = Delete a publication
delete-question = Do you really want to delete this content ({ $kind }):
delete-explain = Followers will be told. This cannot be undone.
delete-recurring = This event repeats: all its next dates will be withdrawn.
delete-confirm = Yes, delete
delete-cancel = No, go back
followers-title = Followers of { $place }
followers-pending = { $count ->
    [0] No pending request
    [one] One pending request
   *[other] { $count } pending requests
}
followers-no-approval = This place accepts followers without approval (see its profile).
followers-accepted = { $count ->
    [0] No follower
    [one] One follower
   *[other] { $count } followers
}
followers-none = Nobody follows this place yet.
followers-since = since { $date }
followers-approve = Accept
followers-reject = Refuse
followers-remove = Remove
following-title = Accounts this place follows
following-intro = Follow other places or networks: their publications come into the timeline and the map.
following-target = Address of the account to follow
following-target-hint = For example: @epn-saint-clair@lieu.example
following-submit = Follow
following-pending = waiting for acceptance
following-stop = Stop following
following-empty = Write the address of the account to follow.
following-failed = Cannot follow { $target }: check the address, or try again later.
blocks-title = Blocked domains
blocks-intro = A blocked domain can no longer send anything to this instance, nor receive anything from it.
blocks-domain = Domain to block
blocks-domain-hint = For example: spam.example
blocks-reason = Reason (for the record)
blocks-submit = Block this domain
blocks-list = { $count ->
    [0] No blocked domain
    [one] One blocked domain
   *[other] { $count } blocked domains
}
blocks-none = Nothing is blocked.
blocks-remove = Unblock
blocks-invalid = Write a domain name, for example spam.example.
accounts-title = Accounts
accounts-list = The accounts
accounts-new = New account
accounts-password = Password
accounts-password-hint = At least { $count } characters. Give it to the person in person.
accounts-is-admin = Instance administrator
accounts-is-admin-hint = Can do everything: create places and accounts, block domains.
accounts-places = Places entrusted
accounts-submit = Create the account
accounts-role = Role
accounts-role-admin = Administrator
accounts-role-editor = Organiser
accounts-last-login = Last sign-in
# Networks, memberships, relays (administration)
admin-networks = Networks
admin-relays = Relays and subscriptions
admin-memberships = Networks of the place
done-network-created = The network is created.
done-withdrawn = The post is withdrawn from the network.
done-joined = Request to join sent.
done-left = The place left this network.
done-subscribed = Subscription request sent to the relay.
done-unsubscribed = The subscription is stopped.
networks-title = Networks of this instance
networks-intro = A network gathers places. It re-shares what its members publish.
networks-list = { $count ->
    [0] No network
    [one] One network
   *[other] { $count } networks
}
networks-none = This instance has no network yet.
networks-counts = { $accepted } member(s), { $pending } pending request(s)
networks-manage = Manage members
networks-public = Public page
networks-create = Create a network
networks-create-submit = Create the network
networks-username = Network identifier
networks-username-hint = Lowercase letters, digits or hyphens. For example: tiers-lieux-marne
networks-name = Name of the network
networks-summary = Short presentation
networks-policy = How to enter the network
networks-policy-approval = A moderator accepts each request
networks-policy-open = Anyone may enter
networks-policy-missing = Choose how to enter the network.
network-title = { $network }: management
members-title = { $count ->
    [0] No member
    [one] One member or request
   *[other] { $count } members and requests
}
members-none = Nobody has asked to enter yet.
members-since = since { $date }
members-reason = Reason (optional, it will be public)
members-approve = Accept
members-refuse = Refuse
members-remove = Remove from the network
members-block = Exclude
member-status-pending = pending request
member-status-accepted = member
member-status-refused = request refused
member-status-left = left the network
member-status-removed = removed from the network
member-status-blocked = excluded
withdraw-title = Withdraw a post
withdraw-intro = The network will no longer share this post. Its followers are told.
withdraw-object = Address of the post
withdraw-object-hint = For example: https://place.example/objects/12
withdraw-reason = Reason (optional, it will be public)
withdraw-submit = Withdraw the post
withdraw-invalid = Write the full address of the post, starting with https://
withdraw-unknown = This network did not share this post.
log-title = Moderation log
log-none = No decision yet.
log-reason = reason: { $reason }
log-accept = membership accepted
log-refuse = membership refused
log-leave = left the network
log-remove-member = member removed
log-block-member = member excluded
log-withdraw-post = post withdrawn
log-reject-activity = activity refused
log-other = decision
memberships-title = Networks of { $place }
memberships-intro = In a network, what the place publishes is re-shared to the network's followers.
memberships-network = Address of the network
memberships-network-hint = For example: @tiers-lieux-marne@network.example
memberships-join = Ask to join
memberships-empty = Write the address of the network.
memberships-failed = Cannot find the network { $target }: check the address, or try again later.
memberships-list = { $count ->
    [0] No network
    [one] One network
   *[other] { $count } networks
}
memberships-none = This place is in no network.
memberships-leave = Leave this network
relays-title = Relays and subscriptions
relays-intro = A relay passes on to this instance what other instances publish. The instance can also follow a place or a network for its timeline.
relays-subscribe = Subscribe to a relay
relays-url = Address of the relay
relays-url-hint = For example: https://relay.example/inbox or https://relay.example/actor
relays-url-empty = Write the address of the relay.
relays-url-invalid = This is not a relay's address. It must start with https:// (for example https://relay.example/inbox).
relays-failed = Cannot subscribe to { $target }: check the address, or try again later.
relays-protocol = Kind of relay
relays-protocol-auto = Find out automatically
relays-subscribe-submit = Subscribe to the relay
relays-follow = Follow a place or a network
relays-target = Address of the place or network
relays-target-hint = For example: @epn@place.example
relays-target-empty = Write the address of the place or network to follow.
relays-follow-submit = Follow
relays-subscriptions = { $count ->
    [0] No subscription
    [one] One subscription
   *[other] { $count } subscriptions
}
relays-subscriptions-none = The instance follows no relay, place or network.
relays-unsubscribe = Stop
relays-subscribers = { $count ->
    [0] No instance subscribed to this relay
    [one] One instance subscribed to this relay
   *[other] { $count } instances subscribed to this relay
}
relays-subscribers-none = No instance receives posts through this instance.
relays-kind-actor = place or network
relays-kind-mastodon = Mastodon-style relay
relays-kind-litepub = LitePub-style relay
relays-status-pending = pending
relays-status-accepted = accepted
relays-status-rejected = refused
admin-reports = Reports
done-resolved = The report is marked as handled.
reports-title = Reports
reports-intro = Other servers report accounts or posts here. Look, decide (for example block a domain), then mark the report as handled.
reports-pending = { $count ->
    [0] No report to handle
    [one] One report to handle
   *[other] { $count } reports to handle
}
reports-none = No report to handle.
reports-by = On { $date }, reported by
reports-objects = What is reported:
reports-resolve = Handled
reports-resolved = { $count ->
    [one] One handled report
   *[other] { $count } handled reports
}
reports-resolved-on = handled on { $date }

## Orientation (Passeport numérique)
nav-orientation = Find help
orientation-title = Find help near you
orientation-intro = Answer the questions, alone or with a mediator. We look for the places that can help you, and we say why.
orientation-private = Nothing you answer is stored on this site.
orientation-invalid = Some answers cannot be used. Please correct them below.
orientation-step-need = 1. What do you need?
orientation-step-where = 2. Where are you?
orientation-step-when = 3. When are you free?
orientation-step-matters = 4. What matters to you
orientation-step-how = 5. How would you like to go?
orientation-step-skills = 6. What you already know how to do
orientation-need = My needs
orientation-need-hint = Tick one or more needs.
orientation-town = My town or postal code
orientation-town-hint = For example: 51100 or Reims.
orientation-town-unknown = We know no place in this town. Write the postal code, or the town's name.
orientation-radius = How far can you go?
orientation-radius-km = { $km } km
orientation-remote = I can be helped by phone or online
orientation-days = My free days
orientation-time = My free time
orientation-time-any = Any time
orientation-time-morning = Morning
orientation-time-afternoon = Afternoon
orientation-time-evening = Evening
orientation-free = I want a free place
orientation-wheelchair = I use a wheelchair
orientation-supports = I need adapted support
orientation-publics = I am
orientation-access = I prefer
orientation-by = Who asks for the service?
orientation-by-usagers = Myself
orientation-by-professionnels = A professional, with me
orientation-skills = I already know how to
orientation-submit = See the places
orientation-results-title = The places that can help you
orientation-results-count = { $count ->
    [0] No place found
    [one] One place found
   *[other] { $count } places found
}
orientation-results-empty = No place fits. Try going further, or remove a condition.
orientation-excluded = Places set aside: { $free } not free, { $wheelchair } not wheelchair accessible, { $far } too far.
orientation-why = Why this place
orientation-fits = Fits:
orientation-warning = Note:
orientation-hours = Opening hours
orientation-how = How to go
orientation-phone = Phone
orientation-book = Book an appointment
orientation-choose = Keep this place on my passport
orientation-make-sheet = Prepare my sheet to print
orientation-see-all = See all the places, today
orientation-edit = Change my answers
orientation-passport-link = My passport: the link to keep
orientation-passport-link-hint = This link keeps your answers. It sends them to no one.
orientation-print = Print
orientation-sheet-title = My digital passport
orientation-sheet-answers = My answers
orientation-sheet-places = My places
orientation-sheet-map = Map of my places
orientation-sheet-map-desc = The numbers on the map are those of the list.
orientation-sheet-checklist = What I know how to do
orientation-skill-yes = I can
orientation-skill-no = To learn
orientation-sheet-qr = Scan this code to open this passport again
orientation-sheet-printed = Sheet prepared on { $date }
orientation-answer-where = Near { $place }, up to { $km } km
orientation-passport-title = Digital passport
orientation-passport-nojs = This passport opens in a browser with JavaScript. Otherwise, fill in the questionnaire again with the person.
orientation-passport-empty = This link holds no answers.
orientation-passport-invalid = This passport cannot be read. Fill in the questionnaire again.
orientation-passport-start = Start the questionnaire

## The funding watch (pages/funding.rs)
funding-kind = Funding calls
funding-title = Funding for { $place }
funding-archive-title = Closed calls for { $place }
funding-intro = Calls for projects and grants this place may apply to, by legal form, territory and services, soonest deadline first.
funding-empty = No open call for this place at the moment.
funding-archive-empty = No closed call for this place.
funding-archive-link = See closed calls
funding-open-link = See open calls
funding-atom = Atom feed of the calls
funding-ics = Calendar of deadlines
funding-deadline = Deadline
funding-no-deadline = No deadline
funding-closes-in = { $days ->
    [0] Closes today
    [1] Closes tomorrow
   *[other] Closes in { $days } days
}
funding-closed = Closed
funding-funder = Funder
funding-programme = Programme
funding-opening = Opens
funding-amount = Amount
funding-eligible = Who may apply
funding-anyone = Any organisation
funding-territory = Territory
funding-themes = Themes
funding-how = How to apply
funding-apply = Apply
funding-source = Funder's page
funding-new-title = Publish a funding call — { $place }
funding-f-intro = The call is sent to the followers and, for a network, to its members. Each place sees it when it may apply.
funding-f-name = Title of the call
funding-f-description = What it funds
funding-f-deadline-hint = The last day to apply. Leave empty if the call is open at any time.
funding-f-territory-hint = France, or codes separated by commas: region:44, departement:67, or a commune's INSEE code.
funding-f-amount-max = Highest amount (euros)
funding-f-publish = Publish the call
funding-fs-what = The call
funding-fs-when = Dates
funding-fs-who = Who may apply
funding-fs-how = Amount and how to apply
funding-place-link = Funding calls for this place

## Cooperation between places and code source (`pages::cooperation`)
nav-cooperation = Cooperation
coop-kicker = Cooperation
coop-list-title = Cooperation offers and requests
coop-list-intro = Places offer and ask: skills sponsorship, equipment lending, rooms, drop-in services, volunteering, SCIC or SCOP partnerships.
coop-list-link = All offers and requests
coop-place-title = Cooperation of { $place }
coop-place-intro = What this place offers to or asks from other places, and the agreements made.
coop-place-link = This place’s cooperation
coop-purpose = Offer or request
coop-purpose-offer = Offer
coop-purpose-request = Request
coop-all = All
coop-kind = Kind of cooperation
coop-departement = Département
coop-departement-hint = Its number, for example 67 or 2A.
coop-proposals = { $count ->
    [0] No proposal
    [one] 1 proposal
   *[other] { $count } proposals
}
coop-empty = No offer or request yet.
coop-by = By
coop-quantity = Quantity
coop-unit = Unit
coop-unit-one = unit(s)
coop-unit-hour = hour(s)
coop-unit-day = day(s)
coop-reciprocal = In return
coop-answer-as = Answer as
coop-message = Your message
coop-answer = Answer
coop-agreements = Agreements
coop-no-agreement = No agreement yet.
coop-status-pending = Waiting for an answer
coop-status-accepted = Agreed
coop-status-rejected = Refused
coop-answered-by = Answer from
coop-proposed-by = Proposed by
coop-accept = Accept
coop-reject = Refuse
coop-place-proposals = This place’s offers and requests
coop-propose = Publish an offer or a request
coop-name = Title
coop-content = Details
coop-publish = Publish
source-kicker = Code source
source-title = Code source of { $place }
source-intro = This place’s governance, economic model, partnerships, charter and recipes, openly licensed: another place can start from this model.
source-link = This place’s code source
source-contents = Contents
source-license = Licence:
source-fork-of = Taken from
source-empty = This place has not published its code source yet.
source-forks = Places started from this model
source-no-fork = No place has started from this model yet.
source-fork-title = Start a new place from this model
source-fork-intro = A new place is created on this instance with a copy of these articles; the original author and the licence are kept, and this place is told.
source-fork-username = The new place’s username
source-fork-username-hint = Lower-case letters, digits, hyphens: for example tiers-lieu-du-port.
source-fork-name = The new place’s name
source-fork-button = Start the new place
source-new = Publish a code-source article
source-kind = Part of the model
source-text = Text
source-license-field = Licence
source-license-hint = An open licence: CC-BY-SA-4.0 (default), CC-BY-4.0, CC0-1.0 or Etalab-2.0.
coop-frameworks = Cooperation frameworks
coop-no-framework = No cooperation framework given.
coop-frameworks-choose = The frameworks this place cooperates within
coop-frameworks-save = Save the frameworks
funding-edit-title = Edit a funding call — { $place }
funding-f-save = Save and publish again
funding-kind-one = funding call
funding-edit-link = Edit or withdraw this call

## Regional labels (administration)
labels-title = Labels of { $network }
labels-link = The network's labels
labels-intro = The network defines its labels and their criteria. A member place applies by answering each criterion; you grant the label (an attestation signed by the network, which anyone can verify) or refuse, and can revoke it.
labels-refused = The form was not accepted
labels-field-error = { $field }: { $message }
labels-none = This network has no label yet.
labels-slug = Identifier
labels-slug-hint = Lowercase letters, digits and hyphens, for example lieu-solidaire. It is part of the label's address.
labels-name = Label name
labels-criteria = Criteria
labels-criteria-hint = One criterion per line. The place answers each one.
labels-validity = Validity (in months)
labels-validity-hint = 1 to 120 months. Used when you give no end date.
labels-validity-value = valid for { $months } months
labels-define-title = Define a label
labels-define-submit = Save the label
labels-criteria-title = Criteria
labels-applications-title = Pending applications
labels-applications-none = No pending application.
labels-until = End of validity
labels-until-hint = A date YYYY-MM-DD, for example 2028-12-31. Empty: the label's validity.
labels-reason = Why it is refused (sent to the place)
labels-grant-submit = Grant the label
labels-refuse-submit = Refuse
labels-holders-title = Places holding the label
labels-holders-none = No place holds this label.
labels-attestation = Attestation
labels-revoke-submit = Revoke the label
labels-grant-title = Grant to a member place
labels-place = Place
labels-place-hint = @place@instance, or the place's address. It must be a member of the network.
labels-done-defined = The label is saved.
labels-done-granted = The label is granted: the signed attestation is sent to the place and the network's followers.
labels-done-refused = The application is refused; the place is told.
labels-done-revoked = The label is revoked; the revocation is sent to the place and the network's followers.

labels-apply-title = Apply for a label — { $place }
labels-apply-link = Apply for a label
labels-apply-intro = A network the place belongs to awards labels. Choose the label, answer each of its criteria, then send the application: the network's moderators decide.
labels-apply-choose-title = Choose a label
labels-apply-label = Label
labels-apply-label-hint = The label's address, or network/identifier for a network of this instance, for example reseau-grand-est/lieu-solidaire.
labels-apply-choose-submit = Show the criteria
labels-apply-answer-title = Answer the criteria of “{ $label }”
labels-apply-submit = Send the application
labels-apply-sent-title = Applications sent
labels-apply-sent-none = The place has not applied yet.
labels-status-pending = pending
labels-status-approved = accepted
labels-status-refused = refused
labels-done-applied = The application is sent to the network.
