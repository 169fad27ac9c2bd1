//! Event categories: FEP-8a8e's recommended `category` values
//! (<https://w3id.org/fep/8a8e/category>), plus `HEALTH`, which Mobilizon still sends.
//! Slug: the code in lower case, `_` → `-`.

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::EventCategory);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "arts",
        label_fr: "Arts",
        label_falc: "L’art",
        label_en: "Arts",
        pictogram: "palette.svg",
        matches: &[M::new(Fep8a8eCategory, "ARTS")],
        ..BASE
    },
    Concept {
        slug: "auto-boat-air",
        label_fr: "Auto, bateau, avion",
        label_falc: "Voitures, bateaux et avions",
        label_en: "Auto, boat and air",
        pictogram: "car.svg",
        matches: &[M::new(Fep8a8eCategory, "AUTO_BOAT_AIR")],
        ..BASE
    },
    Concept {
        slug: "book-clubs",
        label_fr: "Clubs de lecture",
        label_falc: "Lire ensemble",
        label_en: "Book clubs",
        pictogram: "book.svg",
        matches: &[M::new(Fep8a8eCategory, "BOOK_CLUBS")],
        ..BASE
    },
    Concept {
        slug: "business",
        label_fr: "Entreprise et économie",
        label_falc: "Le travail et les entreprises",
        label_en: "Business",
        pictogram: "briefcase.svg",
        matches: &[M::new(Fep8a8eCategory, "BUSINESS")],
        ..BASE
    },
    Concept {
        slug: "causes",
        label_fr: "Causes et solidarité",
        label_falc: "Agir pour une cause",
        label_en: "Causes",
        pictogram: "heart.svg",
        matches: &[M::new(Fep8a8eCategory, "CAUSES")],
        ..BASE
    },
    Concept {
        slug: "climate-environment",
        label_fr: "Climat et environnement",
        label_falc: "La nature et le climat",
        label_en: "Climate and environment",
        pictogram: "leaf.svg",
        matches: &[M::new(Fep8a8eCategory, "CLIMATE_ENVIRONMENT")],
        ..BASE
    },
    Concept {
        slug: "community",
        label_fr: "Vie locale",
        label_falc: "La vie du quartier ou du village",
        label_en: "Community",
        pictogram: "people.svg",
        matches: &[M::new(Fep8a8eCategory, "COMMUNITY")],
        ..BASE
    },
    Concept {
        slug: "comedy",
        label_fr: "Humour",
        label_falc: "Rire ensemble",
        label_en: "Comedy",
        pictogram: "smile.svg",
        matches: &[M::new(Fep8a8eCategory, "COMEDY")],
        ..BASE
    },
    Concept {
        slug: "crafts",
        label_fr: "Artisanat et loisirs créatifs",
        label_falc: "Faire avec ses mains",
        label_en: "Crafts",
        pictogram: "scissors.svg",
        matches: &[M::new(Fep8a8eCategory, "CRAFTS")],
        ..BASE
    },
    Concept {
        slug: "creative-jam",
        label_fr: "Jam créative",
        label_falc: "Créer ensemble",
        label_en: "Creative jam",
        pictogram: "lightbulb.svg",
        matches: &[M::new(Fep8a8eCategory, "CREATIVE_JAM")],
        ..BASE
    },
    Concept {
        slug: "diy-maker-spaces",
        label_fr: "Bricolage et fabrication",
        label_falc: "Bricoler et fabriquer",
        label_en: "DIY and maker spaces",
        pictogram: "gear.svg",
        matches: &[M::new(Fep8a8eCategory, "DIY_MAKER_SPACES")],
        ..BASE
    },
    Concept {
        slug: "family-education",
        label_fr: "Famille et éducation",
        label_falc: "Pour les familles et les enfants",
        label_en: "Family and education",
        pictogram: "parent-child.svg",
        matches: &[M::new(Fep8a8eCategory, "FAMILY_EDUCATION")],
        ..BASE
    },
    Concept {
        slug: "fashion-beauty",
        label_fr: "Mode et beauté",
        label_falc: "Les vêtements et la beauté",
        label_en: "Fashion and beauty",
        pictogram: "shirt.svg",
        matches: &[M::new(Fep8a8eCategory, "FASHION_BEAUTY")],
        ..BASE
    },
    Concept {
        slug: "festivals",
        label_fr: "Festivals",
        label_falc: "Un festival",
        label_en: "Festivals",
        pictogram: "flags.svg",
        matches: &[M::new(Fep8a8eCategory, "FESTIVALS")],
        ..BASE
    },
    Concept {
        slug: "film-media",
        label_fr: "Cinéma et médias",
        label_falc: "Films et vidéos",
        label_en: "Film and media",
        pictogram: "film.svg",
        matches: &[M::new(Fep8a8eCategory, "FILM_MEDIA")],
        ..BASE
    },
    Concept {
        slug: "food-drink",
        label_fr: "Cuisine et boissons",
        label_falc: "Manger et boire",
        label_en: "Food and drink",
        pictogram: "cutlery.svg",
        matches: &[M::new(Fep8a8eCategory, "FOOD_DRINK")],
        ..BASE
    },
    Concept {
        slug: "games",
        label_fr: "Jeux",
        label_falc: "Jouer",
        label_en: "Games",
        pictogram: "dice.svg",
        matches: &[M::new(Fep8a8eCategory, "GAMES")],
        ..BASE
    },
    Concept {
        slug: "health",
        label_fr: "Santé",
        label_falc: "La santé",
        label_en: "Health",
        pictogram: "health.svg",
        matches: &[M::new(Fep8a8eCategory, "HEALTH")],
        ..BASE
    },
    Concept {
        slug: "inclusive-spaces",
        label_fr: "Espaces inclusifs",
        label_falc: "Un lieu ouvert à toutes et à tous",
        label_en: "Inclusive spaces",
        pictogram: "people.svg",
        matches: &[M::new(Fep8a8eCategory, "INCLUSIVE_SPACES")],
        ..BASE
    },
    Concept {
        slug: "language-culture",
        label_fr: "Langues et cultures",
        label_falc: "Les langues et les cultures",
        label_en: "Language and culture",
        pictogram: "speech.svg",
        matches: &[M::new(Fep8a8eCategory, "LANGUAGE_CULTURE")],
        ..BASE
    },
    Concept {
        slug: "learning",
        label_fr: "Apprendre",
        label_falc: "Apprendre",
        label_en: "Learning",
        pictogram: "book-open.svg",
        matches: &[M::new(Fep8a8eCategory, "LEARNING")],
        ..BASE
    },
    Concept {
        slug: "lgbtq",
        label_fr: "LGBTQIA+",
        label_falc: "Pour les personnes LGBT",
        label_en: "LGBTQ",
        pictogram: "rainbow.svg",
        matches: &[M::new(Fep8a8eCategory, "LGBTQ")],
        ..BASE
    },
    Concept {
        slug: "meeting",
        label_fr: "Réunion",
        label_falc: "Une réunion",
        label_en: "Meeting",
        pictogram: "group-table.svg",
        matches: &[M::new(Fep8a8eCategory, "MEETING")],
        ..BASE
    },
    Concept {
        slug: "meditation-wellbeing",
        label_fr: "Méditation et bien-être",
        label_falc: "Se détendre",
        label_en: "Meditation and well-being",
        pictogram: "lotus.svg",
        matches: &[M::new(Fep8a8eCategory, "MEDITATION_WELLBEING")],
        ..BASE
    },
    Concept {
        slug: "movements-politics",
        label_fr: "Mouvements et politique",
        label_falc: "Débattre et s’engager",
        label_en: "Movements and politics",
        pictogram: "megaphone.svg",
        matches: &[M::new(Fep8a8eCategory, "MOVEMENTS_POLITICS")],
        ..BASE
    },
    Concept {
        slug: "music",
        label_fr: "Musique",
        label_falc: "La musique",
        label_en: "Music",
        pictogram: "music.svg",
        matches: &[M::new(Fep8a8eCategory, "MUSIC")],
        ..BASE
    },
    Concept {
        slug: "networking",
        label_fr: "Réseautage",
        label_falc: "Rencontrer des gens pour le travail",
        label_en: "Networking",
        pictogram: "network.svg",
        matches: &[M::new(Fep8a8eCategory, "NETWORKING")],
        ..BASE
    },
    Concept {
        slug: "outdoors-adventure",
        label_fr: "Plein air et aventure",
        label_falc: "Dehors, dans la nature",
        label_en: "Outdoors and adventure",
        pictogram: "mountain.svg",
        matches: &[M::new(Fep8a8eCategory, "OUTDOORS_ADVENTURE")],
        ..BASE
    },
    Concept {
        slug: "party",
        label_fr: "Fête",
        label_falc: "Faire la fête",
        label_en: "Party",
        pictogram: "balloon.svg",
        matches: &[M::new(Fep8a8eCategory, "PARTY")],
        ..BASE
    },
    Concept {
        slug: "performing-visual-arts",
        label_fr: "Spectacle vivant et arts visuels",
        label_falc: "Spectacles et expositions",
        label_en: "Performing and visual arts",
        pictogram: "stage.svg",
        matches: &[M::new(Fep8a8eCategory, "PERFORMING_VISUAL_ARTS")],
        ..BASE
    },
    Concept {
        slug: "pets",
        label_fr: "Animaux",
        label_falc: "Les animaux",
        label_en: "Pets",
        pictogram: "paw.svg",
        matches: &[M::new(Fep8a8eCategory, "PETS")],
        ..BASE
    },
    Concept {
        slug: "photography",
        label_fr: "Photographie",
        label_falc: "La photo",
        label_en: "Photography",
        pictogram: "camera.svg",
        matches: &[M::new(Fep8a8eCategory, "PHOTOGRAPHY")],
        ..BASE
    },
    Concept {
        slug: "science-tech",
        label_fr: "Sciences et techniques",
        label_falc: "Les sciences",
        label_en: "Science and tech",
        pictogram: "flask.svg",
        matches: &[M::new(Fep8a8eCategory, "SCIENCE_TECH")],
        ..BASE
    },
    Concept {
        slug: "spirituality-religion-beliefs",
        label_fr: "Spiritualité, religions et croyances",
        label_falc: "Religion et spiritualité",
        label_en: "Spirituality, religion and beliefs",
        pictogram: "candle.svg",
        matches: &[M::new(Fep8a8eCategory, "SPIRITUALITY_RELIGION_BELIEFS")],
        ..BASE
    },
    Concept {
        slug: "sports",
        label_fr: "Sport",
        label_falc: "Faire du sport",
        label_en: "Sports",
        pictogram: "ball.svg",
        matches: &[M::new(Fep8a8eCategory, "SPORTS")],
        ..BASE
    },
    Concept {
        slug: "theatre",
        label_fr: "Théâtre",
        label_falc: "Le théâtre",
        label_en: "Theatre",
        pictogram: "masks.svg",
        matches: &[M::new(Fep8a8eCategory, "THEATRE")],
        ..BASE
    },
    Concept {
        slug: "workshops-skill-sharing",
        label_fr: "Ateliers et partage de savoirs",
        label_falc: "Apprendre les uns des autres",
        label_en: "Workshops and skill sharing",
        pictogram: "hammer.svg",
        matches: &[M::new(Fep8a8eCategory, "WORKSHOPS_SKILL_SHARING")],
        ..BASE
    },
];
