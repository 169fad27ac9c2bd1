//! Services: the nine MedNum `services` and the data.inclusion `thematiques`, grouped
//! under one concept per thematique prefix (`numerique--…` is narrower than `numerique`).

use crate::vocab::CodeList::*;
use crate::vocab::{Concept, ExactMatch as M, Scheme};

const BASE: Concept = Concept::base(Scheme::Service);

pub(crate) static CONCEPTS: &[Concept] = &[
    Concept {
        slug: "aide-demarches-administratives",
        label_fr: "Aide aux démarches administratives",
        label_falc: "Faire ses papiers sur internet",
        label_en: "Help with online administrative procedures",
        pictogram: "document-pen.svg",
        broader: Some("numerique"),
        close: &[
            "service/difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "service/numerique--acceder-a-des-services-en-ligne",
        ],
        matches: &[M::new(MednumServices, "Aide aux démarches administratives")],
        ..BASE
    },
    Concept {
        slug: "maitrise-outils-numeriques",
        label_fr: "Maîtrise des outils numériques du quotidien",
        label_falc: "Apprendre à utiliser un ordinateur ou un téléphone",
        label_en: "Everyday digital skills",
        pictogram: "smartphone.svg",
        broader: Some("numerique"),
        close: &["service/numerique--maitriser-les-fondamentaux-du-numerique"],
        matches: &[M::new(
            MednumServices,
            "Maîtrise des outils numériques du quotidien",
        )],
        ..BASE
    },
    Concept {
        slug: "insertion-professionnelle-numerique",
        label_fr: "Insertion professionnelle via le numérique",
        label_falc: "Chercher un travail avec internet",
        label_en: "Finding work through digital tools",
        pictogram: "briefcase.svg",
        broader: Some("numerique"),
        close: &[
            "service/trouver-un-emploi",
            "service/preparer-sa-candidature",
        ],
        matches: &[M::new(
            MednumServices,
            "Insertion professionnelle via le numérique",
        )],
        ..BASE
    },
    Concept {
        slug: "utilisation-securisee-numerique",
        label_fr: "Utilisation sécurisée du numérique",
        label_falc: "Se protéger sur internet",
        label_en: "Staying safe online",
        pictogram: "shield.svg",
        broader: Some("numerique"),
        matches: &[M::new(MednumServices, "Utilisation sécurisée du numérique")],
        ..BASE
    },
    Concept {
        slug: "parentalite-education-numerique",
        label_fr: "Parentalité et éducation avec le numérique",
        label_falc: "Aider ses enfants avec les écrans",
        label_en: "Parenting and education in a digital world",
        pictogram: "parent-child.svg",
        broader: Some("numerique"),
        close: &["service/famille--soutien-a-la-parentalite-et-a-leducation"],
        matches: &[M::new(
            MednumServices,
            "Parentalité et éducation avec le numérique",
        )],
        ..BASE
    },
    Concept {
        slug: "loisirs-creations-numeriques",
        label_fr: "Loisirs et créations numériques",
        label_falc: "S’amuser et créer avec le numérique",
        label_en: "Digital leisure and creation",
        pictogram: "palette.svg",
        broader: Some("numerique"),
        matches: &[M::new(MednumServices, "Loisirs et créations numériques")],
        ..BASE
    },
    Concept {
        slug: "comprehension-monde-numerique",
        label_fr: "Compréhension du monde numérique",
        label_falc: "Comprendre le numérique",
        label_en: "Understanding the digital world",
        pictogram: "lightbulb.svg",
        broader: Some("numerique"),
        matches: &[M::new(MednumServices, "Compréhension du monde numérique")],
        ..BASE
    },
    Concept {
        slug: "acces-internet-materiel",
        label_fr: "Accès internet et matériel informatique",
        label_falc: "Utiliser un ordinateur et internet sur place",
        label_en: "Internet access and computers",
        pictogram: "wifi.svg",
        broader: Some("numerique"),
        close: &["service/numerique--acceder-a-une-connexion-internet"],
        matches: &[M::new(
            MednumServices,
            "Accès internet et matériel informatique",
        )],
        ..BASE
    },
    Concept {
        slug: "materiel-prix-solidaire",
        label_fr: "Acquisition de matériel informatique à prix solidaire",
        label_falc: "Acheter un ordinateur pas cher",
        label_en: "Low-cost computer equipment",
        pictogram: "laptop.svg",
        broader: Some("numerique"),
        close: &["service/numerique--acquerir-un-equipement"],
        matches: &[M::new(
            MednumServices,
            "Acquisition de matériel informatique à prix solidaire",
        )],
        ..BASE
    },
    Concept {
        slug: "choisir-un-metier",
        label_fr: "Choisir un métier",
        label_falc: "Choisir un métier",
        label_en: "Choosing a career",
        pictogram: "compass.svg",
        ..BASE
    },
    Concept {
        slug: "choisir-un-metier--confirmer-son-choix-de-metier",
        label_fr: "Confirmer son choix de métier",
        label_falc: "Être sûr du métier choisi",
        label_en: "Confirming a career choice",
        pictogram: "compass.svg",
        broader: Some("choisir-un-metier"),
        matches: &[M::new(
            DiThematiques,
            "choisir-un-metier--confirmer-son-choix-de-metier",
        )],
        ..BASE
    },
    Concept {
        slug: "choisir-un-metier--connaitre-les-opportunites-demploi",
        label_fr: "Connaître les opportunités d’emploi",
        label_falc: "Savoir quels métiers embauchent",
        label_en: "Knowing job opportunities",
        pictogram: "compass.svg",
        broader: Some("choisir-un-metier"),
        matches: &[M::new(
            DiThematiques,
            "choisir-un-metier--connaitre-les-opportunites-demploi",
        )],
        ..BASE
    },
    Concept {
        slug: "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        label_fr: "Découvrir un métier ou un secteur d’activité",
        label_falc: "Découvrir un métier",
        label_en: "Discovering a trade or sector",
        pictogram: "compass.svg",
        broader: Some("choisir-un-metier"),
        matches: &[M::new(
            DiThematiques,
            "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        )],
        ..BASE
    },
    Concept {
        slug: "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        label_fr: "Identifier ses points forts et ses compétences",
        label_falc: "Savoir ce que je fais bien",
        label_en: "Identifying one’s strengths and skills",
        pictogram: "compass.svg",
        broader: Some("choisir-un-metier"),
        matches: &[M::new(
            DiThematiques,
            "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        )],
        ..BASE
    },
    Concept {
        slug: "creer-une-entreprise",
        label_fr: "Créer une entreprise",
        label_falc: "Créer son entreprise",
        label_en: "Starting a business",
        pictogram: "shop.svg",
        ..BASE
    },
    Concept {
        slug: "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
        label_fr: "Définir son projet de création d’entreprise",
        label_falc: "Avoir une idée claire d’entreprise",
        label_en: "Defining a business project",
        pictogram: "shop.svg",
        broader: Some("creer-une-entreprise"),
        matches: &[M::new(
            DiThematiques,
            "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
        )],
        ..BASE
    },
    Concept {
        slug: "creer-une-entreprise--developper-son-entreprise",
        label_fr: "Développer son entreprise",
        label_falc: "Faire grandir son entreprise",
        label_en: "Growing one’s business",
        pictogram: "shop.svg",
        broader: Some("creer-une-entreprise"),
        matches: &[M::new(
            DiThematiques,
            "creer-une-entreprise--developper-son-entreprise",
        )],
        ..BASE
    },
    Concept {
        slug: "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
        label_fr: "Structurer son projet de création d’entreprise",
        label_falc: "Organiser son projet d’entreprise",
        label_en: "Structuring a business project",
        pictogram: "shop.svg",
        broader: Some("creer-une-entreprise"),
        matches: &[M::new(
            DiThematiques,
            "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-administratives-ou-juridiques",
        label_fr: "Difficultés administratives ou juridiques",
        label_falc: "Papiers et droits",
        label_en: "Administrative or legal difficulties",
        pictogram: "document-pen.svg",
        ..BASE
    },
    Concept {
        slug: "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        label_fr: "Accompagnement aux démarches administratives",
        label_falc: "Aide pour faire ses papiers",
        label_en: "Help with administrative procedures",
        pictogram: "document-pen.svg",
        broader: Some("difficultes-administratives-ou-juridiques"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
        label_fr: "Accompagnement pour l’accès à la citoyenneté",
        label_falc: "Aide pour voter et être citoyen",
        label_en: "Help with access to citizenship",
        pictogram: "document-pen.svg",
        broader: Some("difficultes-administratives-ou-juridiques"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        label_fr: "Accompagnement pour l’accès aux droits",
        label_falc: "Aide pour avoir ses droits",
        label_en: "Help with access to rights",
        pictogram: "document-pen.svg",
        broader: Some("difficultes-administratives-ou-juridiques"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
        label_fr: "Bénéficier d’une mesure d’accompagnement adapté",
        label_falc: "Avoir une aide adaptée à sa vie",
        label_en: "Getting tailored support",
        pictogram: "document-pen.svg",
        broader: Some("difficultes-administratives-ou-juridiques"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
        label_fr: "Connaître ses droits face à une discrimination",
        label_falc: "Se défendre si on est traité injustement",
        label_en: "Knowing one’s rights against discrimination",
        pictogram: "document-pen.svg",
        broader: Some("difficultes-administratives-ou-juridiques"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
        label_fr: "Prendre en compte une problématique judiciaire",
        label_falc: "Aide pour un problème avec la justice",
        label_en: "Dealing with a legal matter",
        pictogram: "scales.svg",
        broader: Some("difficultes-administratives-ou-juridiques"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-financieres",
        label_fr: "Difficultés financières",
        label_falc: "Problèmes d’argent",
        label_en: "Financial difficulties",
        pictogram: "euro.svg",
        ..BASE
    },
    Concept {
        slug: "difficultes-financieres--acquerir-une-autonomie-budgetaire",
        label_fr: "Acquérir une autonomie budgétaire",
        label_falc: "Apprendre à gérer son argent seul",
        label_en: "Becoming financially independent",
        pictogram: "euro.svg",
        broader: Some("difficultes-financieres"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-financieres--acquerir-une-autonomie-budgetaire",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        label_fr: "Améliorer sa gestion budgétaire",
        label_falc: "Mieux gérer son argent",
        label_en: "Improving budget management",
        pictogram: "euro.svg",
        broader: Some("difficultes-financieres"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
        label_fr: "Mettre en place une mesure de protection financière",
        label_falc: "Être protégé pour gérer son argent",
        label_en: "Setting up financial protection",
        pictogram: "euro.svg",
        broader: Some("difficultes-financieres"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        label_fr: "Prévenir une dégradation de la situation financière",
        label_falc: "Éviter d’avoir plus de problèmes d’argent",
        label_en: "Preventing a worsening financial situation",
        pictogram: "euro.svg",
        broader: Some("difficultes-financieres"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        )],
        ..BASE
    },
    Concept {
        slug: "difficultes-financieres--situation-dendettement-surendettement",
        label_fr: "Situation d’endettement ou de surendettement",
        label_falc: "Aide quand on a trop de dettes",
        label_en: "Debt and over-indebtedness",
        pictogram: "euro.svg",
        broader: Some("difficultes-financieres"),
        matches: &[M::new(
            DiThematiques,
            "difficultes-financieres--situation-dendettement-surendettement",
        )],
        ..BASE
    },
    Concept {
        slug: "equipement-et-alimentation",
        label_fr: "Équipement et alimentation",
        label_falc: "Nourriture, vêtements et objets",
        label_en: "Equipment and food",
        pictogram: "basket.svg",
        ..BASE
    },
    Concept {
        slug: "equipement-et-alimentation--aide-menagere",
        label_fr: "Aide ménagère",
        label_falc: "Aide pour le ménage à la maison",
        label_en: "Home help",
        pictogram: "house.svg",
        broader: Some("equipement-et-alimentation"),
        matches: &[M::new(
            DiThematiques,
            "equipement-et-alimentation--aide-menagere",
        )],
        ..BASE
    },
    Concept {
        slug: "equipement-et-alimentation--alimentation",
        label_fr: "Alimentation",
        label_falc: "Avoir à manger",
        label_en: "Food",
        pictogram: "cutlery.svg",
        broader: Some("equipement-et-alimentation"),
        matches: &[M::new(
            DiThematiques,
            "equipement-et-alimentation--alimentation",
        )],
        ..BASE
    },
    Concept {
        slug: "equipement-et-alimentation--electromenager",
        label_fr: "Électroménager",
        label_falc: "Avoir un frigo ou une machine à laver",
        label_en: "Household appliances",
        pictogram: "box.svg",
        broader: Some("equipement-et-alimentation"),
        matches: &[M::new(
            DiThematiques,
            "equipement-et-alimentation--electromenager",
        )],
        ..BASE
    },
    Concept {
        slug: "equipement-et-alimentation--habillement",
        label_fr: "Habillement",
        label_falc: "Avoir des vêtements",
        label_en: "Clothing",
        pictogram: "shirt.svg",
        broader: Some("equipement-et-alimentation"),
        matches: &[M::new(
            DiThematiques,
            "equipement-et-alimentation--habillement",
        )],
        ..BASE
    },
    Concept {
        slug: "famille",
        label_fr: "Famille",
        label_falc: "La famille",
        label_en: "Family",
        pictogram: "parent-child.svg",
        ..BASE
    },
    Concept {
        slug: "famille--garde-denfants",
        label_fr: "Garde d’enfants",
        label_falc: "Faire garder ses enfants",
        label_en: "Childcare",
        pictogram: "parent-child.svg",
        broader: Some("famille"),
        matches: &[M::new(DiThematiques, "famille--garde-denfants")],
        ..BASE
    },
    Concept {
        slug: "famille--prise-en-charge-personne-dependante",
        label_fr: "Prise en charge d’une personne dépendante",
        label_falc: "Aider un proche qui ne peut plus tout faire",
        label_en: "Care for a dependent person",
        pictogram: "hands-heart.svg",
        broader: Some("famille"),
        matches: &[M::new(
            DiThematiques,
            "famille--prise-en-charge-personne-dependante",
        )],
        ..BASE
    },
    Concept {
        slug: "famille--soutien-a-la-parentalite-et-a-leducation",
        label_fr: "Soutien à la parentalité et à l’éducation",
        label_falc: "Aide pour être parent",
        label_en: "Parenting and education support",
        pictogram: "parent-child.svg",
        broader: Some("famille"),
        matches: &[M::new(
            DiThematiques,
            "famille--soutien-a-la-parentalite-et-a-leducation",
        )],
        ..BASE
    },
    Concept {
        slug: "famille--soutien-aidants",
        label_fr: "Soutien aux aidants",
        label_falc: "Aide pour les personnes qui aident un proche",
        label_en: "Support for carers",
        pictogram: "hands-heart.svg",
        broader: Some("famille"),
        matches: &[M::new(DiThematiques, "famille--soutien-aidants")],
        ..BASE
    },
    Concept {
        slug: "famille--surmonter-conflits-separation-violence",
        label_fr: "Surmonter les conflits liés à la séparation ou à la violence",
        label_falc: "Aide en cas de séparation ou de violence",
        label_en: "Overcoming separation, conflict or violence",
        pictogram: "hands-heart.svg",
        broader: Some("famille"),
        matches: &[M::new(
            DiThematiques,
            "famille--surmonter-conflits-separation-violence",
        )],
        ..BASE
    },
    Concept {
        slug: "lecture-ecriture-calcul",
        label_fr: "Lecture, écriture, calcul",
        label_falc: "Lire, écrire, compter",
        label_en: "Reading, writing, numeracy",
        pictogram: "abc.svg",
        ..BASE
    },
    Concept {
        slug: "lecture-ecriture-calcul--maitriser-le-calcul",
        label_fr: "Maîtriser le calcul",
        label_falc: "Apprendre à compter",
        label_en: "Numeracy",
        pictogram: "abc.svg",
        broader: Some("lecture-ecriture-calcul"),
        matches: &[M::new(
            DiThematiques,
            "lecture-ecriture-calcul--maitriser-le-calcul",
        )],
        ..BASE
    },
    Concept {
        slug: "lecture-ecriture-calcul--maitriser-le-francais",
        label_fr: "Maîtriser le français",
        label_falc: "Apprendre le français",
        label_en: "Learning French",
        pictogram: "speech.svg",
        broader: Some("lecture-ecriture-calcul"),
        matches: &[M::new(
            DiThematiques,
            "lecture-ecriture-calcul--maitriser-le-francais",
        )],
        ..BASE
    },
    Concept {
        slug: "logement-hebergement",
        label_fr: "Logement et hébergement",
        label_falc: "Avoir un logement",
        label_en: "Housing and shelter",
        pictogram: "house.svg",
        ..BASE
    },
    Concept {
        slug: "logement-hebergement--acheter-un-logement",
        label_fr: "Acheter un logement",
        label_falc: "Acheter une maison ou un appartement",
        label_en: "Buying a home",
        pictogram: "house.svg",
        broader: Some("logement-hebergement"),
        matches: &[M::new(
            DiThematiques,
            "logement-hebergement--acheter-un-logement",
        )],
        ..BASE
    },
    Concept {
        slug: "logement-hebergement--changer-de-logement",
        label_fr: "Changer de logement",
        label_falc: "Changer de logement",
        label_en: "Moving home",
        pictogram: "house.svg",
        broader: Some("logement-hebergement"),
        matches: &[M::new(
            DiThematiques,
            "logement-hebergement--changer-de-logement",
        )],
        ..BASE
    },
    Concept {
        slug: "logement-hebergement--louer-un-logement",
        label_fr: "Louer un logement",
        label_falc: "Louer un logement",
        label_en: "Renting a home",
        pictogram: "house.svg",
        broader: Some("logement-hebergement"),
        matches: &[M::new(
            DiThematiques,
            "logement-hebergement--louer-un-logement",
        )],
        ..BASE
    },
    Concept {
        slug: "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
        label_fr: "Rechercher une solution d’hébergement temporaire",
        label_falc: "Trouver où dormir pour un temps",
        label_en: "Finding temporary shelter",
        pictogram: "bed.svg",
        broader: Some("logement-hebergement"),
        matches: &[M::new(
            DiThematiques,
            "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
        )],
        ..BASE
    },
    Concept {
        slug: "logement-hebergement--reduire-les-impayes-de-loyer",
        label_fr: "Réduire les impayés de loyer",
        label_falc: "Payer les loyers en retard",
        label_en: "Reducing rent arrears",
        pictogram: "euro.svg",
        broader: Some("logement-hebergement"),
        matches: &[M::new(
            DiThematiques,
            "logement-hebergement--reduire-les-impayes-de-loyer",
        )],
        ..BASE
    },
    Concept {
        slug: "logement-hebergement--se-maintenir-dans-le-logement",
        label_fr: "Se maintenir dans le logement",
        label_falc: "Rester dans son logement",
        label_en: "Keeping one’s home",
        pictogram: "house.svg",
        broader: Some("logement-hebergement"),
        matches: &[M::new(
            DiThematiques,
            "logement-hebergement--se-maintenir-dans-le-logement",
        )],
        ..BASE
    },
    Concept {
        slug: "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        label_fr: "S’informer sur les démarches liées à l’accès au logement",
        label_falc: "Savoir comment avoir un logement",
        label_en: "Information on access to housing",
        pictogram: "house.svg",
        broader: Some("logement-hebergement"),
        matches: &[M::new(
            DiThematiques,
            "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        )],
        ..BASE
    },
    Concept {
        slug: "mobilite",
        label_fr: "Mobilité",
        label_falc: "Se déplacer",
        label_en: "Mobility and transport",
        pictogram: "car.svg",
        ..BASE
    },
    Concept {
        slug: "mobilite--acceder-a-un-vehicule",
        label_fr: "Accéder à un véhicule",
        label_falc: "Avoir une voiture, un vélo ou un scooter",
        label_en: "Getting a vehicle",
        pictogram: "car.svg",
        broader: Some("mobilite"),
        matches: &[M::new(DiThematiques, "mobilite--acceder-a-un-vehicule")],
        ..BASE
    },
    Concept {
        slug: "mobilite--entretenir-reparer-son-vehicule",
        label_fr: "Entretenir et réparer son véhicule",
        label_falc: "Réparer son véhicule",
        label_en: "Maintaining and repairing a vehicle",
        pictogram: "car.svg",
        broader: Some("mobilite"),
        matches: &[M::new(
            DiThematiques,
            "mobilite--entretenir-reparer-son-vehicule",
        )],
        ..BASE
    },
    Concept {
        slug: "mobilite--etre-accompagne-dans-son-parcours-mobilite",
        label_fr: "Être accompagné dans son parcours mobilité",
        label_falc: "Aide pour se déplacer",
        label_en: "Mobility support",
        pictogram: "car.svg",
        broader: Some("mobilite"),
        matches: &[M::new(
            DiThematiques,
            "mobilite--etre-accompagne-dans-son-parcours-mobilite",
        )],
        ..BASE
    },
    Concept {
        slug: "mobilite--financer-ma-mobilite",
        label_fr: "Financer ma mobilité",
        label_falc: "Aide pour payer ses trajets",
        label_en: "Funding one’s mobility",
        pictogram: "euro.svg",
        broader: Some("mobilite"),
        matches: &[M::new(DiThematiques, "mobilite--financer-ma-mobilite")],
        ..BASE
    },
    Concept {
        slug: "mobilite--mobilite-douce-partagee-collective",
        label_fr: "Utiliser des services de mobilité douce, partagée ou collective",
        label_falc: "Prendre le bus, le vélo ou le covoiturage",
        label_en: "Soft, shared or public transport",
        pictogram: "bus.svg",
        broader: Some("mobilite"),
        matches: &[M::new(
            DiThematiques,
            "mobilite--mobilite-douce-partagee-collective",
        )],
        ..BASE
    },
    Concept {
        slug: "mobilite--preparer-un-permis",
        label_fr: "Préparer un permis",
        label_falc: "Passer le permis de conduire",
        label_en: "Preparing a driving licence",
        pictogram: "car.svg",
        broader: Some("mobilite"),
        matches: &[M::new(DiThematiques, "mobilite--preparer-un-permis")],
        ..BASE
    },
    Concept {
        slug: "numerique",
        label_fr: "Numérique",
        label_falc: "Ordinateur, téléphone et internet",
        label_en: "Digital",
        pictogram: "laptop.svg",
        ..BASE
    },
    Concept {
        slug: "numerique--acceder-a-des-services-en-ligne",
        label_fr: "Accéder à des services en ligne",
        label_falc: "Utiliser les services sur internet",
        label_en: "Accessing online services",
        pictogram: "laptop.svg",
        broader: Some("numerique"),
        matches: &[M::new(
            DiThematiques,
            "numerique--acceder-a-des-services-en-ligne",
        )],
        ..BASE
    },
    Concept {
        slug: "numerique--acceder-a-une-connexion-internet",
        label_fr: "Accéder à une connexion Internet",
        label_falc: "Avoir internet",
        label_en: "Getting an internet connection",
        pictogram: "wifi.svg",
        broader: Some("numerique"),
        matches: &[M::new(
            DiThematiques,
            "numerique--acceder-a-une-connexion-internet",
        )],
        ..BASE
    },
    Concept {
        slug: "numerique--acquerir-un-equipement",
        label_fr: "Acquérir un équipement",
        label_falc: "Avoir un ordinateur ou un téléphone",
        label_en: "Getting digital equipment",
        pictogram: "laptop.svg",
        broader: Some("numerique"),
        matches: &[M::new(DiThematiques, "numerique--acquerir-un-equipement")],
        ..BASE
    },
    Concept {
        slug: "numerique--maitriser-les-fondamentaux-du-numerique",
        label_fr: "Maîtriser les fondamentaux du numérique",
        label_falc: "Apprendre les bases du numérique",
        label_en: "Mastering digital basics",
        pictogram: "smartphone.svg",
        broader: Some("numerique"),
        matches: &[M::new(
            DiThematiques,
            "numerique--maitriser-les-fondamentaux-du-numerique",
        )],
        ..BASE
    },
    Concept {
        slug: "preparer-sa-candidature",
        label_fr: "Préparer sa candidature",
        label_falc: "Se préparer pour chercher un travail",
        label_en: "Preparing a job application",
        pictogram: "cv.svg",
        ..BASE
    },
    Concept {
        slug: "preparer-sa-candidature--developper-son-reseau",
        label_fr: "Développer son réseau",
        label_falc: "Rencontrer des gens pour trouver un travail",
        label_en: "Building one’s network",
        pictogram: "network.svg",
        broader: Some("preparer-sa-candidature"),
        matches: &[M::new(
            DiThematiques,
            "preparer-sa-candidature--developper-son-reseau",
        )],
        ..BASE
    },
    Concept {
        slug: "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
        label_fr: "Organiser ses démarches de recherche d’emploi",
        label_falc: "Organiser sa recherche de travail",
        label_en: "Organising one’s job search",
        pictogram: "cv.svg",
        broader: Some("preparer-sa-candidature"),
        matches: &[M::new(
            DiThematiques,
            "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
        )],
        ..BASE
    },
    Concept {
        slug: "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        label_fr: "Réaliser un CV et/ou une lettre de motivation",
        label_falc: "Faire son CV et sa lettre",
        label_en: "Writing a CV or cover letter",
        pictogram: "cv.svg",
        broader: Some("preparer-sa-candidature"),
        matches: &[M::new(
            DiThematiques,
            "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        )],
        ..BASE
    },
    Concept {
        slug: "preparer-sa-candidature--valoriser-ses-competences",
        label_fr: "Valoriser ses compétences",
        label_falc: "Montrer ce que je sais faire",
        label_en: "Showcasing one’s skills",
        pictogram: "cv.svg",
        broader: Some("preparer-sa-candidature"),
        matches: &[M::new(
            DiThematiques,
            "preparer-sa-candidature--valoriser-ses-competences",
        )],
        ..BASE
    },
    Concept {
        slug: "remobilisation",
        label_fr: "Remobilisation",
        label_falc: "Reprendre confiance et voir du monde",
        label_en: "Regaining confidence and social ties",
        pictogram: "smile.svg",
        ..BASE
    },
    Concept {
        slug: "remobilisation--activites-sportives-et-culturelles",
        label_fr: "Activités sportives et culturelles",
        label_falc: "Faire du sport et des sorties",
        label_en: "Sports and cultural activities",
        pictogram: "ball.svg",
        broader: Some("remobilisation"),
        matches: &[M::new(
            DiThematiques,
            "remobilisation--activites-sportives-et-culturelles",
        )],
        ..BASE
    },
    Concept {
        slug: "remobilisation--benevolat-action-citoyenne",
        label_fr: "Bénévolat et action citoyenne",
        label_falc: "Aider les autres, être bénévole",
        label_en: "Volunteering and civic action",
        pictogram: "hands-heart.svg",
        broader: Some("remobilisation"),
        matches: &[M::new(
            DiThematiques,
            "remobilisation--benevolat-action-citoyenne",
        )],
        ..BASE
    },
    Concept {
        slug: "remobilisation--bien-etre-confiance-en-soi",
        label_fr: "Bien-être et confiance en soi",
        label_falc: "Se sentir bien, avoir confiance",
        label_en: "Well-being and self-confidence",
        pictogram: "smile.svg",
        broader: Some("remobilisation"),
        matches: &[M::new(
            DiThematiques,
            "remobilisation--bien-etre-confiance-en-soi",
        )],
        ..BASE
    },
    Concept {
        slug: "remobilisation--lien-social",
        label_fr: "Lien social",
        label_falc: "Rencontrer des gens",
        label_en: "Social connection",
        pictogram: "people.svg",
        broader: Some("remobilisation"),
        matches: &[M::new(DiThematiques, "remobilisation--lien-social")],
        ..BASE
    },
    Concept {
        slug: "sante",
        label_fr: "Santé",
        label_falc: "La santé",
        label_en: "Health",
        pictogram: "health.svg",
        ..BASE
    },
    Concept {
        slug: "sante--acces-aux-soins",
        label_fr: "Accès aux soins",
        label_falc: "Se soigner",
        label_en: "Access to healthcare",
        pictogram: "health.svg",
        broader: Some("sante"),
        matches: &[M::new(DiThematiques, "sante--acces-aux-soins")],
        ..BASE
    },
    Concept {
        slug: "sante--addictions",
        label_fr: "Addictions",
        label_falc: "Aide contre l’alcool, la drogue ou le tabac",
        label_en: "Addictions",
        pictogram: "health.svg",
        broader: Some("sante"),
        matches: &[M::new(DiThematiques, "sante--addictions")],
        ..BASE
    },
    Concept {
        slug: "sante--constituer-un-dossier-mdph-invalidite",
        label_fr: "Constituer un dossier MDPH pour invalidité",
        label_falc: "Faire un dossier pour le handicap",
        label_en: "Disability (MDPH) application",
        pictogram: "wheelchair.svg",
        broader: Some("sante"),
        matches: &[M::new(
            DiThematiques,
            "sante--constituer-un-dossier-mdph-invalidite",
        )],
        ..BASE
    },
    Concept {
        slug: "sante--sante-mentale",
        label_fr: "Santé mentale",
        label_falc: "Aller mieux dans sa tête",
        label_en: "Mental health",
        pictogram: "head.svg",
        broader: Some("sante"),
        matches: &[M::new(DiThematiques, "sante--sante-mentale")],
        ..BASE
    },
    Concept {
        slug: "sante--sante-sexuelle",
        label_fr: "Santé sexuelle",
        label_falc: "La santé et la sexualité",
        label_en: "Sexual health",
        pictogram: "health.svg",
        broader: Some("sante"),
        matches: &[M::new(DiThematiques, "sante--sante-sexuelle")],
        ..BASE
    },
    Concept {
        slug: "se-former",
        label_fr: "Se former",
        label_falc: "Suivre une formation",
        label_en: "Training",
        pictogram: "graduation-cap.svg",
        ..BASE
    },
    Concept {
        slug: "se-former--monter-son-dossier-de-formation",
        label_fr: "Monter son dossier de formation",
        label_falc: "Faire son dossier pour une formation",
        label_en: "Preparing a training application",
        pictogram: "graduation-cap.svg",
        broader: Some("se-former"),
        matches: &[M::new(
            DiThematiques,
            "se-former--monter-son-dossier-de-formation",
        )],
        ..BASE
    },
    Concept {
        slug: "se-former--trouver-sa-formation",
        label_fr: "Trouver sa formation",
        label_falc: "Trouver une formation",
        label_en: "Finding a training course",
        pictogram: "graduation-cap.svg",
        broader: Some("se-former"),
        matches: &[M::new(DiThematiques, "se-former--trouver-sa-formation")],
        ..BASE
    },
    Concept {
        slug: "souvrir-a-linternational",
        label_fr: "S’ouvrir à l’international",
        label_falc: "Travailler dans un autre pays",
        label_en: "Going abroad",
        pictogram: "globe.svg",
        ..BASE
    },
    Concept {
        slug: "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
        label_fr: "Connaître les opportunités d’emploi à l’étranger",
        label_falc: "Trouver du travail dans un autre pays",
        label_en: "Job opportunities abroad",
        pictogram: "globe.svg",
        broader: Some("souvrir-a-linternational"),
        matches: &[M::new(
            DiThematiques,
            "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
        )],
        ..BASE
    },
    Concept {
        slug: "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
        label_fr: "S’informer sur les aides pour travailler à l’étranger",
        label_falc: "Les aides pour travailler à l’étranger",
        label_en: "Support for working abroad",
        pictogram: "globe.svg",
        broader: Some("souvrir-a-linternational"),
        matches: &[M::new(
            DiThematiques,
            "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
        )],
        ..BASE
    },
    Concept {
        slug: "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
        label_fr: "S’organiser suite à son retour en France",
        label_falc: "Revenir vivre en France",
        label_en: "Settling back in France",
        pictogram: "globe.svg",
        broader: Some("souvrir-a-linternational"),
        matches: &[M::new(
            DiThematiques,
            "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
        )],
        ..BASE
    },
    Concept {
        slug: "trouver-un-emploi",
        label_fr: "Trouver un emploi",
        label_falc: "Trouver un travail",
        label_en: "Finding a job",
        pictogram: "briefcase.svg",
        ..BASE
    },
    Concept {
        slug: "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        label_fr: "Convaincre un recruteur en entretien",
        label_falc: "Réussir un entretien d’embauche",
        label_en: "Succeeding in a job interview",
        pictogram: "briefcase.svg",
        broader: Some("trouver-un-emploi"),
        matches: &[M::new(
            DiThematiques,
            "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        )],
        ..BASE
    },
    Concept {
        slug: "trouver-un-emploi--faire-des-candidatures-spontanees",
        label_fr: "Faire des candidatures spontanées",
        label_falc: "Écrire à une entreprise sans offre",
        label_en: "Speculative applications",
        pictogram: "briefcase.svg",
        broader: Some("trouver-un-emploi"),
        matches: &[M::new(
            DiThematiques,
            "trouver-un-emploi--faire-des-candidatures-spontanees",
        )],
        ..BASE
    },
    Concept {
        slug: "trouver-un-emploi--maintien-dans-lemploi",
        label_fr: "Maintien dans l’emploi",
        label_falc: "Garder son travail",
        label_en: "Keeping one’s job",
        pictogram: "briefcase.svg",
        broader: Some("trouver-un-emploi"),
        matches: &[M::new(
            DiThematiques,
            "trouver-un-emploi--maintien-dans-lemploi",
        )],
        ..BASE
    },
    Concept {
        slug: "trouver-un-emploi--repondre-a-des-offres-demploi",
        label_fr: "Répondre à des offres d’emploi",
        label_falc: "Répondre à une offre de travail",
        label_en: "Answering job offers",
        pictogram: "briefcase.svg",
        broader: Some("trouver-un-emploi"),
        matches: &[M::new(
            DiThematiques,
            "trouver-un-emploi--repondre-a-des-offres-demploi",
        )],
        ..BASE
    },
    Concept {
        slug: "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
        label_fr: "Suivre ses candidatures et relancer les employeurs",
        label_falc: "Suivre ses demandes de travail",
        label_en: "Following up applications",
        pictogram: "briefcase.svg",
        broader: Some("trouver-un-emploi"),
        matches: &[M::new(
            DiThematiques,
            "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
        )],
        ..BASE
    },
];
