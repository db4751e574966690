/**
 * Marker words of romanised Persian/Dari ("Finglish"), Arabic (Arabizi, Levantine, Egyptian and
 * Maghrebi), Sorani and Pashto as people type them on phones, and the common function words of
 * the Latin-script languages they must not be confused with. Chosen from the training corpus's
 * written posts (words frequent in one romanised language and rare in every other Latin-script
 * language) plus everyday words of each; words shared with English, French, Turkish, Albanian or
 * Vietnamese ("men", "had", "bad", "la", "ra", "tu") are left out on purpose.
 *
 * A word may mark several languages (Dari and Pashto share "paisa"); each listed language counts it.
 * `word/2` counts half: Pashto "pa", "na" are also Albanian words.
 */

export const ROMANISED_LANGS = ['fa', 'ar', 'ckb', 'ps'] as const;
export type RomanisedLang = (typeof ROMANISED_LANGS)[number];

const FA = `az baraye baraie barayeh faghat faqat fagat dar rah rahe ro hafte dare hame hamash shab pool pul poul mishe
  mishavad khanevade khanevadeh almaan almane bede bedid tazmini tazmin tazmine mashin gheymat ghimat qimat marz shod jeddi
  residan resid lazem ranande ast hast hastim hastam nist nistim mikonim mikonam mikhaim mikham mikhay mikhain khodet payam
  darim darid pish balade nesf pardakht amn nadari nadarid amade ghayegh ghayeq qayeq ghaiq ghayegh ghayeghi qayiq qayeqi
  chand chande cheghadr chiz chera khob khoob kheili kheyli khaili khaily khodam shoma shuma bacha bachaha bacheha mesha
  meshawa mekhaym mekonem kho khuda hafiz inja onja unja oonja alan alaan emrooz emruz farda zood zud begir begoo begu
  tamas ertebat bezan bia miram mirim miravim raftan raft residim mitoonam mitunam mitoni mitooni mitunim dadash dadashi
  baradar agha azizam moshkel moshkeli nadare darya vali dige digeh hamin hamun vaght vaqt motmaen mojavez gozarnameh
  gozarname ghachaghchi ghachaghbar qachaqbar qachaqchi ghachagh qachaq ghachaghi khareji kharej safar mosafer mosafere
  shomare shomarash tamiz parvande bedune bedoone bedun gharb toye tooye tuye zamini havaii havayi farsi irani afghani
  khoda khodaye hastid kardim mikone mibarim mibarin mibarim mirin bargasht ghabl baad ba3d ba3dan takhfif
  ba migeh mige dishab zadam manzuresh bude maman kard kasi mitune begeh hanuz baze migiran dadasham montazere montazeran
  biyadara mowtar motar barbari zir dardesar mimane hawaladar diruz salamat rasid khub rastgo mekhaye kona hamshakl avval
  shodi dobare mifrestim mojani moarrefi javab vaghei gharardad ghrardad bilit baghiash donbale nafar migardim gushi dashte
  bashe kone mozd hoshdaar hoshdar kanale kolahbardare kolahbardari khaharam dad jaali gereft forudgah oftad doostan dustan
  kesayi aalie aali gheyme jazire jadid mootor eghamat forudgahi aghsat ham ghabul konid pesa gereftan namayande begiren
  haye kari hazine dashtan mikhad mikhan mikhaid shodan shode nemishe nemigire bebarim bebaram mibaram khastid mikhastid`;

const AR = `el mn fi bel 3and markeb lhrig l7rig 7arga 7raga harga harka hrag l7rag lharga nharg nharag ana enta enti inta
  shabab chbab 3al 3la 3ala nass kol koll ya3ref bla botti chkoun chkon bgha bghit khouya khoya sghar jdid tsafer alf
  7ad tanja flous flouss felous 3am kalemni masari twsal lel lil melyoun mlyoun sa3at tari2 tari9 tari9a tazkara mouch
  mich mesh mish msh dyal dyali wa7ed wahed fel akl 9anouniya iza izza ya5i yakhi wallah wlh inchallah inshallah
  nchallah yalla ykhatbni rahou rahi lgilet kolchi kolshi bezaf barcha barsha chwaya shwaya chwiya bghina 3andi 3andek
  3andna fama famma mafama famech walou walo ghodwa ghadwa lyoum elyoum daba drahem sahbi sa7bi zwin mzyan mezyan hadi
  hada hadak hadou howa hiya ntoma nta nti ma3a m3a m3ak m3ana 3lik 3lina kif kifach kifech wach chnou chno chnia 3lach
  tawa ba3d ba3da lbarra lebhar bhar lb7ar b7ar ba7r el7arga lflouka flouka felouka lfloukat chkoupi 7aja 7aga
  bedna bidna 3ayez 3ayz 3awz badi baddak fiha fih fiya wein wen shu shou ya3ni ma3lesh khalas khales yel
  2ana 2enta 3alik 3alayk w9t wa9t lmouhim lmohim sahel s7ab b9a b9aw mchit mcha n9olek n9oulek nmchiw nharga l7raga
  7arrag 7arraga mo5ayamat m5ayam byetla3 byshbahak sa7bo siya7iya 3ayla el3ayla
  9rib enchallah eli 7ab yjib kent sanet iyyam rfi2e wosel ba3ref bedkon tesma3o aktar machi 7al 9ra khdem hna bzaf dial
  drari mabqawch shlon tsammi nafsak markabak lharraga lharaga harraga l7ouma mlih ta3 tchina sa7bna jem3a blayess
  5ouya 5oya 7na a7na ne7na 7ata 7atta 3lash wesh 3rabi bladi lblad bled lbled mabrouk nroh nro7 yro7 ro7 rou7 s7i7
  mazal mazel 3adi 3ade mrigel zahma 9bel 9ballek bach bech nahki n7ki yahki ye7ki kifesh kifash chwiya`;

const CKB = `ema eme rega reg rega kas kasek kase haya heya slemani sulaimani silemani hawler hewler tanha tenha hamu hamw kaka
  dway shtek paraka niya nia esta ista pewista pewist bkan bka mndal mindal xezan kargay jegay jega shaw chon xalki
  xalk mawa zanyari dawe dazanet dazane qachaxchi qachaxchy qachaxchiyek zyatr zyatir frensa lawe dale bellem belem
  xwa inglistan ingilistan peshaki jddi jiddi mucha dwatr agadar nrx dawa bebe sarafi bazari dakat dakain dakay chya
  boya bashe baya lagal lagel nawa sar taza hich hech nabe nabet dabe dabet krdn dakrin bkre wara kuren kurrekan brader
  bradar xoshawist rozh hafta haftay la8e lera lewe lawe lay bcha bchin dachin dachn dachet bchit gayshtin gayshtn
  gayandin gayandn bgayt bgayenin xom xot xoman xotan awan ewe ewa eme ema kurdistan kurdstan pare parakat parakay
  mnalan mnal xezanekan kase nardn bnerin bnere swar swarbe swarbun safarakay lexwret kaptanman otombel trayla dakhraw
  vizay malafi chawpekawtin britanya lawan shushtn dtbayn xanu amadaya
  ba dagal trela shofer zher mangay mangana harzana krawataw pyada peyada dwayi dadanre sayara gosht snur xoy dakatawa
  dawe mobil nawi bizane rekxstni kampakan kurrakam wargirt gayshtm dayka nabu sopas zhmara nanusm bawkm dale gar dars
  naxwenit bawka ama hoke nya dezane bchm shewayeki yasayi nawe trsm qachaxchiyakan mrov dafroshn xosh bashgakay chun
  yariyakay zanko xwendin peywandi pasaporti wenay xot helper bzane bkatawa shwen bdat hawrekam pash mala dachm bra
  naytwani dayawe bnera wallam bale hayya nhenya nayzane bnusa kaghazi keshe wargrtni asana qarz dabrein bidawa brakat
  bhena wenakai dagorin leseansi safarek wak dwai shka kaptani agar lexurrbe krdbe dayikm sali rapareni royshta mangi
  baxalya dalet bafr gayshta xoi dakam haftey jar roji hatma sarmaxana dayngut reyakey dlnyaye dlnya nayayn lagaly
  mnish mnysh toish tosh emash amash ewash awash dakren dakrein dakreyn bchn bchyn bro3`;

const PS = `da lar che aw sara bya paisay paisey pesey paise dunki sirf pakar zama zma shta yaw zmung zamung khalko lapara sok
  kor ghwari ghwaram khalk kashti kishtai kishti lakh mung wrora wror hagha dagha kawi kawo makhke wrusta wroste saray
  sho shwa wraze zai zay khlasa kaar wayi wayal raka shpa kala kha yam pekhawar peshawar quetta kabul manana mehrabani
  sta stasu tasu tase rasara rasra mozh mong daase dase zo zu zam zu zey zeye ghwaray ghwarai pejani jorawu wrusta
  kege kegi kawal kawalay kawale sanga sanga dey dai ghwaram ghwarai pukhto pashto pashtu wali kho nu ao yara yaara
  zoy zowi wror wrora khpal khpala khpalo tlal tlalay lyara tre lare shi kedai kedi kegi rashi rasha wlaar wlar pa/2 na/2`;

/**
 * Common short function words of English, French, Turkish, Albanian, Vietnamese (unaccented) and
 * Kurmanji: each one counts against calling a post romanised.
 */
const LATIN_COMMON = `the and to of you is for with are this that we it on at my our your not from have will can all get be
  me he she they was were has do what when how who here there now just only very but or if so up out no one
  le les des du et est pour avec une un pas vous nous que qui dans sur ce ces au aux mon ma mes votre nos il elle sont
  ve bir bu icin ile var yok cok mi ben sen biz siz ama daha gibi kadar olan
  dhe nje per ne qe eshte nga te se jam je ka kam
  cua cho nguoi khong di co mot nhung duoc toi ban chung
  ez tu em hun ji li di ku heye hene bi re ew wek ser ber gelek`;

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w !== '');
}

/** Listed word → bit per romanised language (bit i = ROMANISED_LANGS[i]), or COMMON_BIT. */
export const COMMON_BIT = 1 << ROMANISED_LANGS.length;
/** Words that count half (`word/2` above). */
export const HALF_WEIGHT: ReadonlySet<string> = new Set(
  [FA, AR, CKB, PS].flatMap((l) =>
    words(l)
      .filter((w) => w.endsWith('/2'))
      .map((w) => w.slice(0, -2)),
  ),
);
export const MARKER_BITS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const lists: Record<RomanisedLang, string> = { fa: FA, ar: AR, ckb: CKB, ps: PS };
  ROMANISED_LANGS.forEach((lang, i) => {
    for (const w of words(lists[lang])) {
      const word = w.replace(/\/2$/, '');
      m.set(word, (m.get(word) ?? 0) | (1 << i));
    }
  });
  // A common word of the other languages is never a marker, whatever a list above says.
  for (const w of words(LATIN_COMMON)) m.set(w, COMMON_BIT);
  return m;
})();
