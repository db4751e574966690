import type { LangPack } from './types.ts';

// Kurmanji Kurdish (Latin script). Synthetic phrases written for Tidewatch.
export const kmr: LangPack = {
  lang: 'kmr',
  script: 'latin',
  money: [['{n} dolar', 2000, 12000], ['{n}$', 2000, 12000], ['{n} euro', 1500, 10000], ['{n}€', 1500, 10000], ['{n} sterlîn', 1500, 8000], ['{n} £', 1500, 8000], ['{n} hezar lîre', 50, 300], ['{n} hezar dînar', 2000, 9000]],
  dest: ['Brîtanya', 'Îngilîstan', 'Londonê', 'Îtalya', 'Almanya', 'Yewnanistan', 'Ewropa', 'Fransa'],
  ad: {
    open: [
      'Silav li hemûyan', 'Rêwîtiya nû vebû', 'Mizgîn ji bo yên li Calaisê', 'Kî dixwaze biçe {DEST}?', 'Torek ewle ji sala 2019an ve',
      'Koma dawî ya vê mehê', 'Hewa vê hefteyê pir baş e', 'Tenê ji bo kesên cidî', 'Xewna {DEST} ji vir dest pê dike', 'Game dîsa vebû', 'Birayên hêja',
    ],
    offer: {
      boat_crossing: [
        'bi botê ji Fransayê ber bi {DEST}, motora nû û cilên xilasiyê ji bo her kesî', 'her şev ku derya aram be bot ji peravê Dunkirkê diçe', 'botê bilez ber bi {DEST}, tenê du saet',
        'rêwîtiya deryayê ji Lîbyayê ber bi Îtalyayê bi keştiyek mezin a masîgiran, ne lastîk', 'ji Tirkiyê ber bi Yewnanistanê bi yatê bilez, kaptan xwedî tecrûbe ye', 'koma biçûk, herî zêde 40 kes di botê de',
        'dunkî bi botê ber bi Îngilîstanê, botê baş û kaptanê baş', 'em we ji kampê digirin û dibin peravê',
      ],
      lorry: [
        'taksî bi kamyonê ji Belçîkayê ber bi {DEST}', 'rêwîtî bi TIRê, cihê veşartî, şofêr mirovê me ye', 'kamyona sarker ji Calaisê, cihê ewle, li ser vê rê skaner tune',
        'wanek taybet ber bi {DEST} bê kontrol, ji derî heta derî', 'konteyner ber bi {DEST}, şofêr rê baş nas dike', 'game bi kamyonê her şev ji parkê',
      ],
      flight_documents: [
        'bi balafirê ber bi {DEST} bi pasaporta orjînal û wêneyê te', 'VIP bi balafirê, em nasnameya Ewropî û bilêt didin te', 'vîze û bilêt ji bo {DEST}, mohra rast 100%',
        'pakêta platîn: ji balafirgehê rasterast ber bi Londonê bi pasaporta dişibe te', 'em kartê rûniştinê çêdikin û tu ji Stenbolê difirî', 'vîzeya xwendinê ji bo {DEST}, qebûla zanîngehê û firîn li ser me',
      ],
      land_route: [
        'rêya bejayî ji Tirkiyê ber bi Almanyayê bi erebeyê, tenê saetek bi peyatî', 'rêya Balkanan bi rêber: Sirbistan, Macaristan, Awistirya', 'game ji Bosnayê ber bi Îtalyayê, piştî sînor erebe li benda te ye',
        'ji Yewnanistanê ber bi {DEST} bi rêya bejayî, rêber heta dawiyê', 'rêya daristanê bi rêber û GPS, xwarin li ser me', 'erebe ji Sirbistanê ber bi Awistiryayê, bê meşa li çiyê',
      ],
      job_lure: [
        'kar li {DEST}, em rêwîtî û belgeyan amade dikin', 'kar li şûştina erebeyan li Brîtanyayê, meaş 2000 sterlîn, rê li ser me', 'karê zeviyan li Îtalyayê, peyman û vîze ji me, tu tenê pereyê rê didî',
        'kar li xwaringehekê li Londonê, cih belaş e, em te digihînin wir', 'karê avahiyê li Ewropayê, rê li ser me ye', 'xwendin li Ewropayê: qebûl, vîze û rêwîtî, hemû li ser me',
      ],
      recruitment: [
        'em li şofêrên bi ehliyeta Ewropî digerin, ji bo her rêwîtiyê pereyek baş', 'kaptanên botê divên: tu ajotinê dikî, belaş derbas dibî û pere jî digirî', 'alîkar li peravê divên ji bo barkirina botê, her şev pere tê dayîn',
        'şofêrên wanê ji bo karê şevê Fransa-Belçîka divên, {P} nexd', 'kesên ku telefonê bigirin û koman rêberî bikin divên, meaşê baş', 'em kaptanan digirin bê tecrûbe, em GPSê hînî te dikin',
      ],
    },
    price: [
      'biha {P} ji bo her kesî', 'tenê {P}', 'lêçûn {P}', '{P} serê kesî', 'biha {P}, VIP {P2}', '{P} her tişt tê de', 'bihayê taybet vê mehê {P}', 'normal {P}', 'pere {P}', 'bot {P}, kamyon {P2}',
    ],
    extra: [
      'zarok nîv biha', 'zarokên di bin 10 salî de belaş', 'daxistin ji bo malbatan', 'pakêtên bronz, zîv û zêr', 'daxistin ji bo yê ku botê diajo',
      'VIP yanî bê peyatî û otêl berî rêwîtiyê', 'pakêta zêr 3 ceribandin tê de ye', '5 kesan bîne û tu belaş diçî',
    ],
    guarantee: [
      '100% garantî', '100% ewle', 'garantî heta gihîştinê', 'botekî ewle û rehet', 'tu pirsgirêk bi polîs re tune', 'heke neçû, tu dîsa belaş diçî', 'qanûnî, pêbawer û erzan',
      'gelek kes bi me re gihîştin, li vîdyoyan binêrin', 'gihîştin misoger e', 'sed ji sedî',
    ],
    pay: [
      'pere piştî gihîştinê', 'pêşpere tune', 'pere li nivîsgeha diravan dimîne heta tu bibêjî OK', 'hewale tê qebûlkirin', 'dema tu gihîştî {DEST} tu pere didî',
      'pere li nivîsgehê tê danîn û piştî gihîştinê tê berdan', 'nîv berê, nîv paşê', 'em nexd an Western Union qebûl dikin',
    ],
    urgency: [
      'vê hefteyê em diçin', 'çend cih man', 'tenê 3 cih man', 'sibê şevê heke hewa baş be', 'niha cihê xwe bigire', 'roja înê em diçin', 'ev biha tenê vê mehê ye',
      'zû bikin, bot hema tije ye', 'kom roja yekşemê tê girtin',
    ],
    contact: [
      'WhatsApp {PHONE}', 'telefon an WhatsApp {PHONE}', 'têkilî {WA}', 'Telegram {TG}', 'bi taybetî binivîse', 'ji bo hûrguliyan mesaj', 'mesajê bişîne {HANDLE}',
      'Viber {PHONE}', 'tenê Signal {PHONE}', 'tenê mesaja WhatsAppê, telefon na', 'inbox', 'tevlî kanalê bibe {TG}',
    ],
    close: ['Xwedê we hemûyan biparêze', 'tenê kesên cidî', 'wextê me winda nekin', 'li {DEST} hev bibînin', 'bi hevalên xwe re parve bikin', 'bi me bawer bin'],
  },
  neg: {
    news: [
      ['NÛÇEYA LEZ:', 'Nûjen:', '', 'Ji dadgehê:'],
      ['{N} kes xeniqîn piştî ku botek biçûk li beravên Fransayê binav bû', 'Polîs {N} qaçaxçî girtin ku ji her koçberî {P} distandin', 'Şofêrekî kamyonê hat girtin piştî ku {N} koçber di TIRa wî de hatin dîtin li Doverê',
        '{N} kes di kamyoneke sarker de veşartî hatin dîtin', 'Cerdevanên peravê {N} kes ji botekî tije li Kanala Manşê rizgar kirin', 'Toreke ku pasaportên sexte û firînên ber bi Londonê difirot hat hilweşandin, {N} kes hatin girtin'],
      ['', 'Lêkolîner dibêjin tor li ser medyaya civakî û WhatsAppê reklam dikir', 'Qurbaniyan heta {P} dabûn', 'Lêkolîn berdewam e', 'Hûrgulî li ser malpera me'],
    ],
    ngo_warning: [
      ['⚠️ Berî biryarê bixwîne', 'Hişyariya ewlehiyê', 'Peyamek ji tîma me li kampê'],
      ['Qaçaxçî dê ji te re bibêjin bot 100% ewle ye. Ev derew e.', 'Bot ji kapasîteya xwe zêdetir têne barkirin û cilên xilasiyê yên qaçaxçiyan pirî caran sexte ne', 'Qet neçe nav kamyona sarker: mirov ji sermayê û bêhewayiyê mirin',
        'Pere piştî gihîştinê te naparêze, di rê de ew te kontrol dikin', 'Ava Manşê di havînê de jî sar e'],
      ['Di rewşa acîl de li deryayê li 112 bigere', 'Şêwirmendiya hiqûqî ya belaş her sêşemê', 'Li ser WhatsAppê bi me re biaxive {PHONE}, em tu rêwîtiyê organîze nakin', 'Ewle bimînin û parve bikin'],
    ],
    gov_campaign: [
      ['Qaçaxçî derewan dikin.', 'Jiyana xwe nexe xeterê.', 'Berî ku pere bidî bifikire.'],
      ['Ew soza botekî ewle û karekî li Brîtanyayê didin, lê tu qayikeke erzan û deyn distînî', 'Kesên bi botên biçûk tên dikarin werin vegerandin', 'Qaçaxçî pereyê te dibe, derya jiyana te', 'Xwe di kamyonê de veşartin ne lîstik e: şofêr diçe girtîgehê, tu dikarî bimirî'],
      ['#QaçaxçîtiyêRawestînin', 'Berî rêwîtiyê rastiyê bizanibe', 'Agahiya fermî ji Wezareta Navxwe', ''],
    ],
    travel_agency: [
      ['Pêşniyara havînê!', '✈️ Betlane 2026', 'Rêwîtiya xwe bigire'],
      ['Bilêtên çûn û hatinê Amed - Stenbol ji {PS}', 'Gera deryayê li giravên Yewnanistanê, 7 şev, {PS} ji bo her kesî, zarok nîv biha', 'Pakêtên Umreyê bi vîze û otêlê ji {P}',
        'Gera malbatî bo Wanê û Behra Wanê 3 roj {PS}', 'Feribot ji Bodrumê ber bi Kosê, çûn û hatin {PS}'],
      ['Li ofîsa me bigerin {PHONE}', 'Ji bo rezervasyonê WhatsApp {PHONE}', 'Ajansa rêwîtiyê ya bi destûr', 'Cih sînorkirî ne, niha bigire'],
    ],
    legal_advice: [
      ['Şêwirmendiya hiqûqî ya belaş', 'Şîreta penaberiyê', 'Mafên xwe nas bike'],
      ['Heke tu gihîştî Almanyayê û dixwazî serlêdana penaberiyê bikî, pêdiviya te bi parêzer heye, em belaş alîkariyê dikin', 'Yekbûna malbatê rêyek qanûnî ye ku tu bigihîjî malbata xwe',
        'Pere nede kesê ku soza vîzeya garantî dide, vîzeya rast li ser malpera fermî tê xwestin', 'Rêyên ewle û qanûnî hene: bicihkirin, yekbûna malbatê, vîzeya xwendinê'],
      ['Li {PHONE} bigere duşem heta înê', 'Ji me re binivîse, em bi kurdî, erebî û almanî bersiv didin', 'Şîretên me belaş û veşartî ne'],
    ],
    job_ad: [
      ['Em karmendan digirin', 'Derfetên kar li Almanyayê', 'Kar heye'],
      ['Karmendên lênêrînê li Manchesterê, bi sponsoriya şirketeke bi destûr', 'Karê demsalî li zeviyên Spanyayê bi cih, destûra kar pêwîst e', 'Karmendên otêlê li Dubaiyê, vîze li ser şirketê û ji berendaman tu pere nayê xwestin',
        'Karkerên depoyê li Stenbolê, karê şevê, meaş {PS}'],
      ['Li ser malpera me serlêdan bike, em qet pere naxwazin', 'CV bişîne WhatsApp {PHONE}', 'Ajansa karmendan a qeydkirî'],
    ],
    personal_story: [
      ['Ez dixwazim çîroka xwe bibêjim.', 'Du sal berê îro.', 'Ji kerema xwe ji bo birayê min dua bikin.'],
      ['Me {P} da zilamekî li Dunkirkê û piştî saetekê bot dest bi binavbûnê kir', 'Ez 14 saetan di kamyonekê de mam, min digot ez ê bimirim', 'Pismamê min bi botê ji Lîbyayê derket û {N} roj in em ti nûçe jê nagirin',
        'Qaçaxçî got sed ji sedî ewle ye, em 60 kes bûn di botekî 30 kesî de', 'Bi şev ez ji Tirkiyê derbasî Yewnanistanê bûm, keça min 4 salî bû'],
      ['Wek min nekin.', 'Ez sax im lê gelek kes ne', 'Heke kesek nûçe jê hebe ji min re binivîse', 'Xwedê rehma xwe li wan bike'],
    ],
    sale: [
      ['Ji bo firotinê', 'Ez difiroşim', 'Biha daket!'],
      ['botê bi bayê 5,8 metre bi motora Yamaha 115 hp û trayler, {P}', 'wana Ford Transit 2017 paqij, {P}', 'qayika masîgiriyê, hinek tamîr dixwaze, {P}',
        'serê TIRa Mercedes Actros, rewşa pir baş, {P}', 'kayaka bi ba ji bo du kesan, du caran hatiye bikaranîn, {PS}'],
      ['Telefon an WhatsApp {PHONE}', 'Tenê ji cih wergirtin', 'Ji bo wêneyên din inbox', 'Tenê kesên cidî'],
    ],
    driver_job: [
      ['Şofêr divên', 'Şofêrê TIRê tê xwestin', 'Bi lez karmend tê girtin'],
      ['Xetên Ewropayê ji Tirkiyê ber bi Almanyayê, du hefte kar û hefteyek li malê', 'Karê şevê di navbera Doverê û Londonê de, ehliyet û karta takografê pêwîst e', 'Şofêrê gihandina pakêtan li Berlînê, erebe li ser şirketê'],
      ['Serlêdan {PHONE}', 'CV bişîne {HANDLE}', 'Perwerdehiya temam li ser kontrolkirina TIRê da ku kes xwe venaşêrin'],
    ],
    police_appeal: [
      ['Banga polîsan', 'Tu dikarî alîkariyê bikî?', 'Agahî tê xwestin'],
      ['Em li ser reklamên ku rêwîtiyên botê ber bi Brîtanyayê pêşkêş dikin lêkolîn dikin, heke te dîtin rapor bike', 'Tu dizanî kî rêwîtiyên kamyonê ji vê parkê organîze dike? Bê nav bi me re têkilî dayne',
        'Em dixwazin kesên li pişt hejmara WhatsAppê ya ku cihên di botan de difirot nas bikin', 'Şeva 12ê cotmehê li nêzî peravê wanek spî hat dîtin, kî agahî jê heye?'],
      ['Bê nav li me bigerin', 'Rapora online bê nav', 'Her agahî alîkar e'],
    ],
    condemnation: [
      ['Şerm e ji wan re.', 'Ev min pir hêrs dike.', 'Mirov çawa dikare vê bike?'],
      ['Qaçaxçî zarokan bi {P} dixin botê û winda dibin', 'Ev rûpelên "gihîştina garantî" hemû derew in, mirov ji ber wan dimirin', 'Her rûpela ku cihên botê difiroşe rapor bikin', 'Jê re dibêjin game, lê jiyana mirovekî ye'],
      ['Rapor bikin!', '💔', 'Xwedê rehmê li hemû yên xeniqî bike', ''],
    ],
  },
  hand: {
    ad: [
      ['boat_crossing', '🚤🇬🇧 Dunkirk ➡️ Brîtanya\nBotê baş, motora nû, kaptanê bi tecrûbe\nBiha 2500 £ serê kesî, zarok nîv\nPere li ofîsê dimîne heta tu bibêjî OK 👍\nTenê WhatsApp +90 531 000 41 27'],
      ['lorry', 'taksiya TIRê 🚛 ji Zeebruggeyê, tenê 2 cih, bê meş û bê daristan, şofêr bi me re ye. pere paşê. inbox'],
      ['flight_documents', 'VIP ✈️ Atîna → London bi pasaport (wêne dişibe te) + bilêt. 9000€. Tenê yên cidî, mesaj.'],
      ['land_route', 'Game îşev ji Bihaçê. Piştî sînor erebe heta Triesteyê, herî zêde 2 roj. 3200 euro li ofîsa Stenbolê tê danîn. t.me/reya_balkan_5'],
      ['job_lure', 'Em li xortan digerin ji bo kar li şûştina erebeyan li Manchesterê 🇬🇧 meaş her hefte, em te ji Fransayê tînin û tu ji meaşê xwe didî. Taybet binivîse'],
      ['recruitment', 'Du kes divên ku bikaribin bi GPSê botê biajon. Derbasbûn belaş + 1000€ her rêwîtî. Tenê yên cidî, inbox'],
    ],
    neg: [
      ['news', 'Şeş kes, di nav wan de du zarok, serê sibehê jiyana xwe ji dest dan piştî ku botekî ku nêzî 70 koçber hildigirt li nêzî Boulogneyê ket tengasiyê, li gorî rayedarên Fransî.'],
      ['ngo_warning', 'Heke kesek li ser WhatsAppê "botekî ewle" pêşniyarî te bike, ew derewan li te dike. Botên tije binav dibin. Roja pêncşemê were cem tîma me, belaş û veşartî ye.'],
      ['travel_agency', '🌊⛵ Gera rojane: ji Bodrumê bi feribotê ber bi Kosê + firavîn. 40€ mezin, zarok nîv biha! Rezervasyon bi WhatsAppê. Cih sînorkirî ne!'],
      ['personal_story', 'Apê min 9000 dolar da ji bo "firîna VIP" bi pasaporteke sexte. Li balafirgehê hat girtin û her tişt winda kir. Bi van kesan bawer nekin.'],
      ['condemnation', 'Her hefte ez rûpelên "Brîtanya 100% garantî" dibînim û her hefte em li ser botekî binavbûyî dixwînin. Van hesaban rapor bikin, ew mirinê difiroşin.'],
      ['sale', 'Botekî bi bayê 4 metre bi motora 25 hp difiroşim, ji bo masîgirtinê li golê baş e. 1500 dolar. Inbox, bazar tune.'],
    ],
    obf: [
      ['boat_crossing', 'b0t ber bi Brît4nya vê h3fteyê. g4rantî. b1ha 2 5 0 0 £. whatsapp +44 7700 900 6 1 8'],
      ['lorry', 'K-A-M-Y-O-N 🚛 ji Calaisê îşev, p e r e  p a ş ê, telegram bi taybetî'],
    ],
  },
  keys: ['bot', 'garantî', 'kamyon', 'TIR', 'pasaport', 'vîze', 'ewle', 'biha', 'WhatsApp', 'Telegram', 'rêwîtî', 'Brîtanya', 'şofêr', 'kaptan', 'qaçax'],
  swap: [['botê', '🚤'], ['bot', '🚤'], ['kamyon', '🚛'], ['balafir', '✈️'], ['Brîtanya', '🇬🇧'], ['Îtalya', '🇮🇹'], ['Yewnanistan', '🇬🇷'], ['Fransa', '🇫🇷'], ['pasaport', '🛂'], ['derya', '🌊'], ['euro', '💶']],
};
