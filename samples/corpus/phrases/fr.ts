import type { LangPack } from './types.ts';

// French (France, Maghreb and West-African usage). Synthetic phrases written for Tidewatch.
export const fr: LangPack = {
  lang: 'fr',
  script: 'latin',
  money: [['{n} €', 1200, 9000], ['{n}€', 1200, 9000], ['{n} euros', 1200, 9000], ['{n} £', 1500, 8000], ['{n} livres', 1500, 8000], ['{n} dinars', 3000, 15000], ['{n} $', 2000, 12000], ['{n}k€', 2, 9]],
  dest: ['Angleterre', 'Angleterre', 'Italie', 'Espagne', 'Allemagne', 'Europe', 'Irlande', 'Autriche'],
  ad: {
    open: [
      'Salam la famille', 'NOUVEAU DÉPART', 'Avis aux frères qui sont à Calais', 'Bonne nouvelle pour ceux qui attendent', 'Qui veut faire la boza ?',
      'La mer est calme cette semaine', 'Réseau sérieux depuis 2020', 'Dernier groupe du mois', 'Pour les gens sérieux seulement', 'On y va ensemble',
      'Harga cette nuit inchallah', 'Vous voulez rejoindre l\'{DEST} ?',
    ],
    offer: {
      boat_crossing: [
        'traversée en zodiac vers l\'{DEST}, moteur neuf et gilets pour tout le monde', 'bateau depuis la plage de Gravelines, départ dès que la mer est bonne',
        'boza en bateau de Sfax à Lampedusa', 'go en bateau rapide pour l\'{DEST}, 2 heures de route seulement', 'passage en bateau de pêche, pas de pneumatique',
        'petit groupe de 35 personnes max dans le bateau', 'harga depuis Oran vers l\'Espagne, bateau solide, capitaine qui connaît la mer', 'on vous récupère au camp et on vous amène à la plage',
      ],
      lorry: [
        'taxi en camion depuis la Belgique jusqu\'en {DEST}', 'passage en camion frigorifique, cachette sûre, le chauffeur est avec nous', 'camion direct de Calais, pas de scanner sur cette route',
        'place dans un poids lourd, départ du parking la nuit', 'camionnette privée jusqu\'en {DEST}, porte à porte', 'conteneur vers l\'{DEST}, chauffeur de confiance',
      ],
      flight_documents: [
        'vol pour l\'{DEST} avec vrai passeport et ta photo dedans', 'formule VIP en avion : carte d\'identité européenne + billet', 'visa et billet pour l\'{DEST}, tampon 100% authentique',
        'pack platine : aéroport direct Londres avec passeport sosie', 'titre de séjour fabriqué, tu voyages depuis Istanbul', 'visa étudiant pour l\'{DEST}, on s\'occupe de l\'inscription à l\'université et du vol',
        'visa Schengen sans rendez-vous, billet compris',
      ],
      land_route: [
        'route par la Turquie jusqu\'en Allemagne en voiture, une heure de marche seulement', 'route des Balkans avec guide : Serbie, Hongrie, Autriche', 'game depuis la Bosnie vers l\'Italie, une voiture attend après la frontière',
        'de la Grèce jusqu\'en {DEST} par la route, guide du début à la fin', 'passage par la forêt avec guide GPS, nourriture comprise', 'voiture de la Serbie à l\'Autriche sans marcher dans la montagne',
      ],
      job_lure: [
        'travail en {DEST}, on organise le voyage et les papiers', 'emploi dans un lavage auto à Londres, 2000 livres par mois, voyage pris en charge', 'travail agricole en Italie, contrat et visa faits par nous, tu paies seulement le voyage',
        'boulot dans un restaurant à Paris, logement offert, on vous fait venir', 'chantiers en Europe, on s\'occupe de la route', 'étudier en Europe : inscription, visa et voyage, on fait tout',
      ],
      recruitment: [
        'on cherche des chauffeurs avec permis européen, bien payé par voyage', 'besoin de pilotes pour le bateau : tu conduis, tu passes gratuit et on te paie', 'on recrute des aides sur la plage pour charger le bateau, payé chaque nuit',
        'cherche conducteurs de camionnette la nuit France-Belgique, {P} cash', 'besoin de gens pour guider les groupes au téléphone, bonne paie', 'recrutement capitaines, pas besoin d\'expérience, on t\'apprend le GPS',
      ],
    },
    price: [
      'prix {P} par personne', 'seulement {P}', 'tarif : {P}', '{P} par tête', 'prix {P}, VIP {P2}', '{P} tout compris',
      'prix spécial ce mois-ci {P}', 'normal {P}', 'paiement {P}', 'bateau {P}, camion {P2}',
    ],
    extra: [
      'enfants moitié prix', 'gratuit pour les moins de 10 ans', 'réduction pour les familles', 'formules bronze, argent et or', 'réduction pour celui qui conduit le bateau',
      'VIP = pas de marche, hôtel avant le départ', 'la formule or comprend 3 essais', 'ramène 5 personnes et tu passes gratuit',
    ],
    guarantee: [
      '100% garanti', 'sécurité à 100%', 'garantie jusqu\'à l\'arrivée', 'bateau sûr et confortable', 'aucun problème avec la police', 'si ça rate, tu retentes gratuitement',
      'légal, fiable et pas cher', 'beaucoup sont arrivés avec nous, regardez les vidéos', 'arrivée garantie',
    ],
    pay: [
      'paiement à l\'arrivée', 'pas d\'avance', 'l\'argent reste au bureau de change jusqu\'à ce que tu dises OK', 'hawala accepté', 'tu paies quand tu es en {DEST}',
      'dépôt chez le bureau, débloqué à ton arrivée', 'moitié avant, moitié après', 'on accepte cash ou Western Union',
    ],
    urgency: [
      'départ cette semaine', 'il reste peu de places', 'dernières 3 places', 'départ demain soir si la météo est bonne', 'réservez maintenant', 'départ vendredi',
      'ce prix seulement ce mois', 'vite, le bateau est presque plein', 'le groupe ferme dimanche',
    ],
    contact: [
      'WhatsApp {PHONE}', 'appel ou WhatsApp {PHONE}', 'contact {WA}', 'Telegram {TG}', 'écris-moi en privé', 'inbox pour les détails', 'message à {HANDLE}',
      'Viber {PHONE}', 'Signal uniquement {PHONE}', 'message WhatsApp, pas d\'appel', 'mp', 'rejoins le canal {TG}',
    ],
    close: ['que Dieu protège tout le monde', 'sérieux uniquement', 'pas de curieux', 'on se voit en {DEST}', 'partagez avec vos amis', 'faites-nous confiance'],
  },
  neg: {
    news: [
      ['URGENT :', 'Info :', '', 'Au tribunal :'],
      ['{N} personnes sont mortes dans le naufrage d\'une embarcation au large de Boulogne-sur-Mer', 'Démantèlement d\'un réseau de passeurs : {N} interpellations, les migrants payaient jusqu\'à {P}',
        'Un chauffeur routier condamné après la découverte de {N} migrants dans sa remorque', '{N} personnes retrouvées cachées dans un camion frigorifique à Calais',
        'Les secours ont récupéré {N} personnes sur un bateau surchargé dans la Manche', 'Un réseau de faux passeports et de vols vers Londres démantelé, {N} arrestations'],
      ['', 'Selon les enquêteurs, le réseau faisait sa publicité sur les réseaux sociaux et WhatsApp', 'Les victimes avaient payé jusqu\'à {P}', 'L\'enquête se poursuit', 'Plus d\'infos sur notre site'],
    ],
    ngo_warning: [
      ['⚠️ À lire avant de décider', 'Alerte sécurité', 'Message de notre équipe sur le camp'],
      ['Les passeurs vous diront que le bateau est sûr à 100%. C\'est faux.', 'Les bateaux sont surchargés et les gilets vendus par les passeurs sont souvent faux', 'Ne montez jamais dans un camion frigorifique : des gens y sont morts de froid et d\'asphyxie',
        'Payer à l\'arrivée ne vous protège pas : pendant le trajet, ils vous contrôlent', 'La Manche est froide même en été'],
      ['En mer, appelez le 112 ou le 196', 'Permanence juridique gratuite tous les mardis', 'Parlez-nous sur WhatsApp {PHONE}, nous n\'organisons aucun passage', 'Protégez-vous, partagez'],
    ],
    gov_campaign: [
      ['Les passeurs mentent.', 'Ne risquez pas votre vie.', 'Réfléchissez avant de payer.'],
      ['Ils promettent un bateau sûr et un travail en Angleterre. Vous aurez un canot de mauvaise qualité et des dettes.', 'Les personnes arrivées en petit bateau peuvent être renvoyées', 'Les passeurs prennent votre argent, la mer prend votre vie',
        'Se cacher dans un camion n\'est pas un jeu : le chauffeur risque la prison, vous risquez la mort'],
      ['#StopPasseurs', 'Informez-vous avant de partir', 'Information officielle du ministère de l\'Intérieur', ''],
    ],
    travel_agency: [
      ['Offre d\'été !', '✈️ Vacances 2026', 'Réservez votre voyage'],
      ['Vols aller-retour Paris-Tunis à partir de {PS}', 'Traversée en ferry Calais-Douvres avec voiture, {PS} aller-retour', 'Croisière dans les îles grecques, 7 nuits, {PS} par personne, enfants moitié prix',
        'Omra avec visa et hôtel, à partir de {P}', 'Week-end à Londres en Eurostar dès {PS}'],
      ['Appelez l\'agence au {PHONE}', 'Réservation sur WhatsApp {PHONE}', 'Agence de voyage agréée IATA', 'Places limitées, réservez vite'],
    ],
    legal_advice: [
      ['Permanence juridique gratuite', 'Conseil asile', 'Connaître vos droits'],
      ['Vous êtes arrivé en France et voulez demander l\'asile ? Un avocat peut vous aider gratuitement', 'Le regroupement familial est une voie légale pour rejoindre sa famille au Royaume-Uni', 'Ne payez personne qui vous promet un visa « garanti ». Les vrais visas se demandent sur le site officiel',
        'Il existe des voies légales : réinstallation, regroupement familial, visa étudiant'],
      ['Appelez le {PHONE} du lundi au vendredi', 'Écrivez-nous, on répond en arabe, kurde, farsi et français', 'Nos conseils sont gratuits et confidentiels'],
    ],
    job_ad: [
      ['On recrute', 'Emplois en Allemagne', 'Offre d\'emploi'],
      ['Aides-soignants recherchés à Lyon, CDI, salaire selon grille', 'Saisonniers pour les vendanges en Bourgogne, logement fourni, titre de séjour valide obligatoire', 'Personnel hôtelier à Dubaï, visa pris en charge par l\'employeur, aucuns frais pour les candidats',
        'Préparateurs de commandes à Lille, postes de nuit, {PS} par heure'],
      ['Postulez sur notre site, nous ne demandons jamais d\'argent', 'Envoyez votre CV par WhatsApp {PHONE}', 'Agence d\'intérim déclarée'],
    ],
    personal_story: [
      ['Je veux raconter mon histoire.', 'Il y a deux ans jour pour jour.', 'Priez pour mon frère svp.'],
      ['On a payé {P} à un homme à Dunkerque et le bateau a commencé à couler au bout d\'une heure', 'J\'ai passé 14 heures dans un camion, j\'ai cru que j\'allais mourir', 'Mon cousin est parti de Libye en bateau et on n\'a pas de nouvelles depuis {N} jours',
        'Le passeur disait 100% sûr. On était 60 dans un bateau pour 30', 'J\'ai traversé la mer Égée la nuit avec ma fille de 4 ans'],
      ['Ne faites pas comme moi.', 'Je suis vivant mais beaucoup ne le sont pas', 'Si quelqu\'un a des nouvelles, écrivez-moi', 'Paix à leurs âmes'],
    ],
    sale: [
      ['À vendre', 'Je vends mon', 'Prix en baisse !'],
      ['semi-rigide 5,8 m, moteur Yamaha 115 ch, remorque incluse, {P}', 'Renault Trafic 2017, 180 000 km, CT ok, {P}', 'bateau de pêche à restaurer, {P} à débattre',
        'tracteur routier Volvo FH, entretien complet, {P}', 'kayak gonflable deux places, servi deux fois, {PS}'],
      ['Appel ou WhatsApp {PHONE}', 'À venir chercher sur place', 'MP pour plus de photos', 'Pas sérieux s\'abstenir'],
    ],
    driver_job: [
      ['Chauffeurs recherchés', 'Recrute chauffeur SPL', 'Embauche immédiate'],
      ['Lignes internationales France-Royaume-Uni, 2 semaines dehors 1 semaine à la maison', 'Nuit Calais-Rungis, FIMO/FCO et carte conducteur obligatoires', 'Chauffeur-livreur VL en région parisienne, véhicule fourni'],
      ['Postulez au {PHONE}', 'CV à {HANDLE}', 'Formation aux contrôles de remorque contre les passagers clandestins'],
    ],
    police_appeal: [
      ['Appel à témoins', 'Pouvez-vous nous aider ?', 'Recherche d\'informations'],
      ['Nous enquêtons sur des annonces proposant des traversées vers l\'Angleterre. Signalez-les', 'Vous savez qui organise les passages en camion depuis cette aire ? Appelez-nous anonymement',
        'Nous cherchons à identifier les personnes derrière le numéro WhatsApp utilisé pour vendre des places sur des bateaux'],
      ['Composez le 17 ou signalez sur PHAROS', 'Signalement en ligne, sans donner votre nom', 'Chaque information compte'],
    ],
    condemnation: [
      ['Honte à ces gens.', 'Ça me met en colère.', 'Comment peut-on faire ça ?'],
      ['Les passeurs mettent des enfants sur un bateau pour {P} et disparaissent', 'Ces pages « passage garanti » sont des mensonges, des gens meurent à cause d\'elles', 'Signalez chaque page qui vend des places sur un bateau',
        'Ils appellent ça un game, mais c\'est la vie de quelqu\'un'],
      ['Signalez-les !', '💔', 'Paix à tous ceux qui ont disparu en mer', ''],
    ],
  },
  hand: {
    ad: [
      ['boat_crossing', '🚤🇬🇧 Dunkerque ➡️ UK\nBon bateau, bon moteur, capitaine expérimenté.\n2300€ par personne, enfants moitié prix\nL\'argent reste au bureau, tu dis OK quand t\'arrives 👍\nWhatsApp seulement +33 6 39 98 41 20'],
      ['boat_crossing', 'boza boza 🌊 Sfax → Lampedusa ce week-end, 1800 dinars, bateau en fer pas en plastique. Ceux qui sont prêts, inbox'],
      ['lorry', 'taxi camion 🚛 depuis Zeebrugge, 2 places seulement, pas de marche, le chauffeur est à nous. paiement après. mp'],
      ['flight_documents', 'VIP ✈️ Athènes → Paris avec passeport (photo qui ressemble) + billet. 8500€. Sérieux seulement, inbox.'],
      ['land_route', 'Game depuis Bihać ce soir. Voiture après la frontière jusqu\'à Trieste, 2 jours max. 3000 euros déposés au bureau d\'Istanbul. t.me/route_balkans_9'],
      ['job_lure', 'On cherche des jeunes pour travailler dans le bâtiment à Londres 🇬🇧 payé chaque semaine, on vous fait passer depuis Calais, vous remboursez sur le salaire. Écrivez en privé'],
      ['recruitment', 'Besoin de 2 gars qui savent conduire un bateau avec GPS. Passage gratuit + 1000€ par voyage. Sérieux seulement, mp'],
      ['flight_documents', 'Étudier au Canada 🇨🇦 ou en Belgique : admission + visa + billet, tout est fait par nous, 100% garanti, payez à l\'arrivée. wa.me/33639987712'],
    ],
    neg: [
      ['news', 'Six personnes, dont deux enfants, sont mortes cette nuit après le chavirement d\'une embarcation transportant environ 70 migrants au large de Boulogne, selon la préfecture maritime.'],
      ['ngo_warning', 'Si quelqu\'un vous propose un « bateau sûr » sur WhatsApp, il vous ment. Les canots surchargés coulent. Venez parler avec notre équipe à la distribution jeudi, c\'est gratuit et confidentiel.'],
      ['travel_agency', '🌊⛵ Excursion : Calais → Douvres en ferry + déjeuner en Angleterre. 65€ adultes, enfants moitié prix ! Réservation WhatsApp +33 6 39 98 10 42. Places limitées !'],
      ['sale', 'Vends bateau pneumatique 4,20 m + moteur 25 CV, parfait pour la pêche. 1 500 €. Contactez-moi en privé, pas de négociation.'],
      ['personal_story', 'Mon oncle a payé 9000 dollars pour un « vol VIP » avec un faux passeport. Il s\'est fait arrêter à l\'aéroport et il a tout perdu. Ne faites pas confiance à ces gens.'],
      ['condemnation', 'Chaque semaine je vois des pages « UK garanti 100% » et chaque semaine on lit qu\'un bateau a coulé. Signalez ces comptes, ils vendent la mort.'],
      ['driver_job', 'Transporteur recrute chauffeurs SPL pour l\'international (Angleterre, Espagne). Bon salaire, camions récents. Formation aux vérifications de remorque à Calais. Tél 03 21 00 00 00.'],
      ['legal_advice', 'Est-ce que je peux faire venir ma femme légalement ? Oui, si vous avez le statut de réfugié vous pouvez demander la réunification familiale. La demande est gratuite. Posez vos questions en commentaire.'],
    ],
    obf: [
      ['boat_crossing', 'b4te4u pour l\'UK 🇬🇧 cette s3maine. g4r4nti. pr1x 2 4 0 0 €. whatsapp +33 6 39 98 O5 7O'],
      ['lorry', 'C-A-M-I-O-N 🚛 depuis Calais ce soir, p a i e m e n t  a p r è s, contact sur t e l e g r a m'],
      ['boat_crossing', 'Wach nta m3ana ? el harga mn Mostaganem l Almería, felouka jdida, 4000 euro, khlas f Espagne. pv'],
    ],
  },
  keys: ['bateau', 'garanti', 'camion', 'passeport', 'visa', 'sûr', 'prix', 'WhatsApp', 'Telegram', 'traversée', 'passage', 'UK', 'chauffeur', 'capitaine', 'boza'],
  swap: [['bateau', '🚤'], ['camion', '🚛'], ['vol', '✈️'], ['avion', '✈️'], ['Angleterre', '🇬🇧'], ['Italie', '🇮🇹'], ['Grèce', '🇬🇷'], ['France', '🇫🇷'], ['passeport', '🛂'], ['mer', '🌊'], ['euros', '💶']],
};
