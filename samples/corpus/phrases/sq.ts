import type { LangPack } from './types.ts';

// Albanian. Synthetic phrases written for Tidewatch.
export const sq: LangPack = {
  lang: 'sq',
  script: 'latin',
  money: [['{n} €', 1500, 12000], ['{n}€', 1500, 12000], ['{n} euro', 1500, 12000], ['£{n}', 2000, 9000], ['{n} paund', 2000, 9000], ['{n} lekë', 200000, 900000], ['{n} mijë euro', 2, 12]],
  dest: ['Angli', 'Anglia', 'UK', 'Londër', 'Itali', 'Gjermani', 'Greqi', 'Francë', 'Europë'],
  ad: {
    open: [
      'Përshëndetje të gjithëve', 'UDHËTIM I RI', 'Lajm i mirë për ata që presin në Francë', 'Kush do të shkojë në {DEST}?', 'Rrjet i besuar që nga 2019',
      'Grupi i fundit i muajit', 'Moti këtë javë është perfekt', 'Vetëm për njerëz seriozë', 'Ëndrra për në {DEST} fillon këtu', 'Rruga u hap përsëri', 'Vëllezër e motra',
    ],
    offer: {
      boat_crossing: [
        'me gomone nga Franca në {DEST}, motor i ri dhe jelek shpëtimi për të gjithë', 'kemi varka çdo natë kur deti është i qetë, nga plazhi afër Dunkerkut', 'skaf i shpejtë për në {DEST}, vetëm 2 orë',
        'udhëtim me varkë të madhe peshkimi nga Libia në Itali, jo gomone', 'nga Turqia në Greqi me motoskaf, kapiteni ka përvojë', 'grup i vogël, maksimumi 40 veta në varkë',
        'kalim me varkë për në Angli, varkë e mirë dhe kapiten i mirë', 'ju marrim nga kampi dhe ju çojmë te plazhi',
      ],
      lorry: [
        'taksi me kamion nga Belgjika për në {DEST}', 'udhëtim me TIR, vend i fshehur, shoferi është njeriu ynë', 'kamion frigorifer nga Kale, vend i sigurt brenda, pa skaner në këtë rrugë',
        'furgon privat për në {DEST} pa kontroll, derë më derë', 'kontejner për në {DEST}, shoferi e njeh rrugën', 'lojë me kamion çdo natë nga parkingu',
      ],
      flight_documents: [
        'fluturim për në {DEST} me pasaportë origjinale me foton tënde', 'VIP me avion, të japim letërnjoftim europian dhe biletë', 'vizë dhe biletë për në {DEST}, vulë 100% e vërtetë',
        'paketa platin: nga aeroporti direkt në Londër me pasaportë që të ngjan', 'të bëjmë leje qëndrimi dhe fluturon nga Tirana', 'vizë studimi për në {DEST}, pranimi në universitet dhe fluturimi nga ne', 'me letra të rregullta direkt në Londër',
      ],
      land_route: [
        'rruga tokësore nga Turqia në Gjermani me makinë, vetëm një orë në këmbë', 'rruga e Ballkanit me udhërrëfyes: Serbi, Hungari, Austri', 'lojë nga Bosnja në Itali, makina pret pas kufirit',
        'nga Greqia në {DEST} me rrugë tokësore, udhërrëfyes deri në fund', 'rruga e pyllit me udhërrëfyes dhe GPS, ushqimi nga ne', 'makinë nga Serbia në Austri pa ecur në mal',
      ],
      job_lure: [
        'punë në {DEST}, ne rregullojmë udhëtimin dhe dokumentet', 'punë në lavazh makinash në Angli, rroga 2000 paund, rruga nga ne', 'punë në fermë në Itali, kontrata dhe viza nga ne, ti paguan vetëm rrugën',
        'punë në restorant në Londër, akomodim falas, të çojmë ne atje', 'punë ndërtimi në Europë, rrugën e rregullojmë ne', 'studim në Europë: pranim, vizë dhe udhëtim, të gjitha nga ne', 'punë në kanabis në Angli, rrugën dhe shtëpinë i rregullojmë ne',
      ],
      recruitment: [
        'kërkojmë shoferë me patentë europiane, lekë të mira për çdo udhëtim', 'kërkojmë kapitenë për gomone: ti e drejton, kalon falas dhe merr para', 'duhen ndihmës në plazh për të ngarkuar varkën, paguhet çdo natë',
        'kërkohen shoferë furgoni për punë nate Francë-Belgjikë, {P} cash', 'duhen njerëz për të mbajtur telefonin dhe udhëhequr grupet, pagë e mirë', 'marrim kapitenë pa eksperiencë, të mësojmë GPS',
      ],
    },
    price: [
      'çmimi {P} për person', 'vetëm {P}', 'kushton {P}', '{P} për kokë', 'çmimi {P}, VIP {P2}', '{P} gjithçka përfshirë', 'çmim special këtë muaj {P}', 'normal {P}', 'pagesa {P}', 'varka {P}, kamioni {P2}',
    ],
    extra: [
      'fëmijët gjysmë çmimi', 'fëmijët nën 10 vjeç falas', 'ulje për familjet', 'paketa bronz, argjend dhe ar', 'ulje për atë që drejton gomonen',
      'VIP = pa ecur në këmbë, hotel para udhëtimit', 'paketa e artë ka 3 provime', 'sill 5 veta dhe ti shkon falas',
    ],
    guarantee: [
      '100% e garantuar', '100% e sigurt', 'garanci deri sa të mbërrish', 'varkë e sigurt dhe komode', 'asnjë problem me policinë', 'nëse nuk ia del, provon përsëri falas', 'ligjërisht, e besueshme dhe lirë',
      'shumë kanë mbërritur me ne, shikoni videot', 'mbërritja e garantuar', 'njëqind për qind',
    ],
    pay: [
      'pagesa pas mbërritjes', 'pa paradhënie', 'paratë mbeten te zyra e këmbimit derisa të thuash OK', 'pranojmë hawala', 'paguan kur të jesh në {DEST}',
      'depozitë në zyrë, lirohet kur mbërrin', 'gjysma para, gjysma pas', 'pranojmë cash ose Western Union',
    ],
    urgency: [
      'nisja këtë javë', 'kanë mbetur pak vende', 'vetëm 3 vende të lira', 'nesër në mbrëmje nëse moti është mirë', 'rezervo tani', 'nisja të premten', 'ky çmim vetëm këtë muaj',
      'shpejt, varka është pothuajse plot', 'grupi mbyllet të dielën',
    ],
    contact: [
      'WhatsApp {PHONE}', 'telefon ose WhatsApp {PHONE}', 'kontakt {WA}', 'Telegram {TG}', 'shkruani në privat', 'inbox për detaje', 'mesazh te {HANDLE}', 'Viber {PHONE}',
      'vetëm Signal {PHONE}', 'vetëm mesazh në WhatsApp, jo telefonata', 'na shkruani në inbox', 'bashkohu në kanal {TG}',
    ],
    close: ['Zoti ju ruajttë të gjithëve', 'vetëm seriozët', 'mos humbni kohën', 'shihemi në {DEST}', 'shpërndajeni me miqtë', 'na besoni'],
  },
  neg: {
    news: [
      ['LAJM I FUNDIT:', 'Përditësim:', '', 'Nga gjykata:'],
      ['{N} persona humbën jetën pasi një varkë e vogël u përmbys pranë brigjeve të Francës', 'Policia arrestoi {N} të dyshuar për trafik emigrantësh që merrnin {P} për person', 'Një shofer kamioni u dënua pasi {N} emigrantë u gjetën në rimorkion e tij në Dover',
        '{N} persona u gjetën të fshehur në një kamion frigorifer', 'Roja bregdetare shpëtoi {N} persona nga një varkë e mbingarkuar në Kanalin e La Manshit', 'U shkatërrua një rrjet që shiste pasaporta false dhe fluturime për në Londër, {N} të arrestuar'],
      ['', 'Hetuesit thonë se rrjeti reklamohej në rrjetet sociale dhe në WhatsApp', 'Viktimat kishin paguar deri në {P}', 'Hetimet vazhdojnë', 'Më shumë në faqen tonë'],
    ],
    ngo_warning: [
      ['⚠️ Lexojeni para se të vendosni', 'Paralajmërim sigurie', 'Mesazh nga ekipi ynë në kamp'],
      ['Trafikantët do t\'ju thonë se varka është 100% e sigurt. Nuk është e vërtetë.', 'Varkat mbingarkohen dhe jelekët që shesin trafikantët shpesh janë të rremë', 'Mos hyni kurrë në kamion frigorifer: njerëz kanë vdekur nga të ftohtit dhe mungesa e ajrit',
        'Pagesa pas mbërritjes nuk ju mbron, gjatë rrugës ata ju kontrollojnë', 'Uji i La Manshit është i ftohtë edhe në verë'],
      ['Në rast emergjence në det telefononi 112', 'Këshilla ligjore falas çdo të martë', 'Na shkruani në WhatsApp {PHONE}, ne nuk organizojmë udhëtime', 'Ruhuni dhe shpërndajeni'],
    ],
    gov_campaign: [
      ['Trafikantët gënjejnë.', 'Mos rrezikoni jetën.', 'Mendohuni para se të paguani.'],
      ['Ju premtojnë varkë të sigurt dhe punë në Angli, por merrni një gomone të lirë dhe borxhe', 'Ata që mbërrijnë me varka të vogla mund të kthehen mbrapsht', 'Trafikanti merr paratë, deti merr jetën', 'Të fshihesh në kamion nuk është lojë: shoferi shkon në burg, ti mund të vdesësh'],
      ['#NdaloniTrafikun', 'Mësoni faktet para se të udhëtoni', 'Informacion zyrtar nga Ministria e Brendshme', ''],
    ],
    travel_agency: [
      ['Ofertë vere!', '✈️ Pushime 2026', 'Rezervoni udhëtimin'],
      ['Bileta vajtje-ardhje Tiranë - Londër nga {PS}', 'Traget Durrës - Bari me makinë, {PS}', 'Turne në ishujt grekë, 7 net, {PS} për person, fëmijët gjysmë çmimi',
        'Fundjavë në Romë me avion dhe hotel nga {PS}', 'Xhiro me varkë në Ksamil, {PS} për person'],
      ['Telefononi agjencinë {PHONE}', 'Rezervime në WhatsApp {PHONE}', 'Agjenci udhëtimi e licencuar', 'Vende të kufizuara, rezervoni tani'],
    ],
    legal_advice: [
      ['Këshillim ligjor falas', 'Këshilla për azil', 'Njihni të drejtat tuaja'],
      ['Nëse keni mbërritur në Angli dhe doni të kërkoni azil, ju duhet një avokat, ne ju ndihmojmë falas', 'Bashkimi familjar është rrugë ligjore për t\'u bashkuar me familjen', 'Mos i paguani ata që premtojnë vizë të garantuar, vizat e vërteta aplikohen në faqen zyrtare',
        'Ekzistojnë rrugë të ligjshme: viza pune sezonale, viza studimi, bashkim familjar'],
      ['Telefononi {PHONE} nga e hëna në të premte', 'Na shkruani, përgjigjemi shqip dhe anglisht', 'Këshillat tona janë falas dhe konfidenciale'],
    ],
    job_ad: [
      ['Po punësojmë', 'Punë në Gjermani', 'Vende pune të lira'],
      ['Kujdestarë në Mançester me sponsorizim nga kompani e licencuar', 'Punë sezonale në fermat e Spanjës me akomodim, kërkohet leje pune', 'Staf hoteli në Dubai, viza nga punëdhënësi dhe pa asnjë tarifë për kandidatët',
        'Punëtorë magazine në Tiranë, turn nate, pagesa {PS}'],
      ['Aplikoni në faqen tonë, nuk kërkojmë kurrë para', 'Dërgoni CV në WhatsApp {PHONE}', 'Agjenci punësimi e regjistruar'],
    ],
    personal_story: [
      ['Dua të tregoj historinë time.', 'Dy vjet më parë sot.', 'Ju lutem lutuni për vëllain tim.'],
      ['I paguam {P} një burri në Dunkerk dhe gomonja filloi të mbytej pas një ore', 'Kalova 14 orë në pjesën e pasme të një kamioni, mendova se do vdisja', 'Kushëriri im u nis nga Libia me varkë dhe prej {N} ditësh nuk kemi lajm',
        'Trafikanti tha 100% e sigurt. Ishim 60 veta në një varkë për 30', 'Kalova nga Turqia në Greqi natën, vajza ime ishte 4 vjeç'],
      ['Mos bëni si unë.', 'Unë jam gjallë, por shumë nuk janë', 'Nëse dikush ka lajm, më shkruani', 'Zoti i pastë në parajsë'],
    ],
    sale: [
      ['Shitet', 'Shes', 'Çmim i ulur!'],
      ['gomone 5.8 m me motor Yamaha 115 kuaj dhe rimorkio, {P}', 'furgon Ford Transit 2017, i pastër, {P}', 'varkë peshkimi, do pak riparim, {P} i diskutueshëm',
        'kokë tërheqëse Mercedes Actros, gjendje shumë e mirë, {P}', 'kajak me ajër për dy, përdorur dy herë, {PS}'],
      ['Telefon ose WhatsApp {PHONE}', 'Merret në vend', 'Inbox për më shumë foto', 'Vetëm blerës seriozë'],
    ],
    driver_job: [
      ['Kërkohen shoferë', 'Kërkojmë shofer kamioni kategoria CE', 'Punësim i menjëhershëm'],
      ['Linja Europë nga Shqipëria në Gjermani, dy javë punë një javë në shtëpi', 'Punë nate mes Doverit dhe Londrës, kërkohet patentë dhe kartë takografi', 'Shofer shpërndarje pakosh në Tiranë, automjeti nga firma'],
      ['Aplikoni {PHONE}', 'CV te {HANDLE}', 'Trajnim i plotë për kontrollin e rimorkios kundër personave të fshehur'],
    ],
    police_appeal: [
      ['Apel nga policia', 'Mund të ndihmoni?', 'Kërkohet informacion'],
      ['Po hetojmë reklama që ofrojnë kalime me varkë për në Angli, nëse i keni parë raportojini', 'E dini kush organizon udhëtimet me kamion nga ky parking? Na telefononi në mënyrë anonime',
        'Duam të identifikojmë personat pas numrit të WhatsApp që përdorej për të shitur vende në varka'],
      ['Telefononi në mënyrë anonime', 'Raportim online pa emër', 'Çdo informacion ndihmon'],
    ],
    condemnation: [
      ['Turp për ta.', 'Kjo më nxeh shumë.', 'Si mund ta bëjë dikush këtë?'],
      ['Trafikantët fusin fëmijë në gomone për {P} dhe zhduken', 'Këto faqe "kalim i garantuar" janë gënjeshtra, njerëz vdesin për shkak të tyre', 'Raportoni çdo faqe që shet vende në varkë', 'E quajnë lojë, por është jeta e dikujt'],
      ['Raportojini!', '💔', 'Prehshin në paqe të gjithë të humburit në det', ''],
    ],
  },
  hand: {
    ad: [
      ['boat_crossing', '🚤🇬🇧 Dunkerk ➡️ Angli\nGomone e mirë, motor i ri, kapiten me përvojë\nÇmimi 3500£ për person, fëmijët gjysmë\nParatë rrinë në zyrë derisa të thuash OK 👍\nVetëm WhatsApp +355 69 000 4412'],
      ['lorry', 'taksi me kamion 🚛 nga Zeebrugge, vetëm 2 vende, pa ecur, shoferi është me ne. paguan pas. inbox'],
      ['flight_documents', 'VIP ✈️ Tiranë → Londër me pasaportë (foto që të ngjan) + biletë. 12 mijë €. Vetëm seriozë, shkruani.'],
      ['land_route', 'Lojë nga Bihaçi sonte. Makina pas kufirit deri në Trieste, maksimum 2 ditë. 3000 euro lihen në zyrën e Stambollit. t.me/rruga_ballkan_4'],
      ['job_lure', 'Kërkojmë djem për punë në Angli 🇬🇧 2500 paund në muaj, rruga dhe shtëpia nga ne, paguani nga rroga. Shkruani në privat'],
      ['recruitment', 'Duhen 2 djem që dinë të drejtojnë gomone me GPS. Kalim falas + 1000€ çdo udhëtim. Vetëm seriozë, inbox'],
    ],
    neg: [
      ['news', 'Gjashtë persona, mes tyre dy fëmijë, humbën jetën sot në mëngjes pasi një varkë me rreth 70 emigrantë pati vështirësi pranë Boulogne, sipas autoriteteve franceze.'],
      ['ngo_warning', 'Nëse dikush ju ofron "varkë të sigurt" në WhatsApp, ju gënjen. Gomonet e mbingarkuara fundosen. Ejani të enjten te ekipi ynë, falas dhe konfidenciale.'],
      ['travel_agency', '🌊⛵ Udhëtim ditor: Sarandë → Korfuz me traget + drekë. 45€ të rriturit, fëmijët gjysmë çmimi! Rezervime në WhatsApp. Vende të kufizuara!'],
      ['personal_story', 'Xhaxhai im pagoi 9000 euro për një "fluturim VIP" me pasaportë false. E kapën në aeroport dhe humbi gjithçka. Mos u besoni këtyre njerëzve.'],
      ['condemnation', 'Çdo javë shoh faqe "Angli 100% e garantuar" dhe çdo javë lexojmë për një varkë të fundosur. Raportojini këto llogari, shesin vdekje.'],
      ['sale', 'Shes gomone 4 metra me motor 25 kuaj, perfekte për peshkim në liqen. 1500 euro. Inbox, pa pazare.'],
    ],
    obf: [
      ['boat_crossing', 'g0m0ne për Angli këtë j4vë. g4rantuar. çm1mi 3 5 0 0 £. whatsapp +44 7700 900 9 1 4'],
      ['lorry', 'K-A-M-I-O-N 🚛 nga Kale sonte, p a g e s a  p a s, telegram në privat'],
    ],
  },
  keys: ['gomone', 'varkë', 'garantuar', 'kamion', 'pasaportë', 'vizë', 'sigurt', 'çmimi', 'WhatsApp', 'Telegram', 'udhëtim', 'Angli', 'shofer', 'kapiten', 'lojë'],
  swap: [['gomone', '🚤'], ['varkë', '🚤'], ['kamion', '🚛'], ['avion', '✈️'], ['Angli', '🇬🇧'], ['Itali', '🇮🇹'], ['Greqi', '🇬🇷'], ['Francë', '🇫🇷'], ['pasaportë', '🛂'], ['det', '🌊'], ['euro', '💶']],
};
