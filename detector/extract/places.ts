/**
 * Place gazetteer for route extraction, as data: id, role on typical smuggling routes, and names
 * as written in our ten languages (normalised at load, so spelling variants collapse).
 *
 * Roles: `dest` = where adverts promise to take people; `origin` = departure/staging points;
 * `via` = transit countries. A role is a prior, not a fact: "from Italy to France" still reads
 * Italy as a destination here, and the heuristics only use co-occurrence.
 *
 * Names are matched as whole tokens, so inflected forms are listed too: Kurmanji's oblique case
 * after a verb of motion or a preposition (`biçe Almanyayê`, "go to Germany": -yê after a vowel,
 * -ê after a consonant), Albanian definite forms (`Gjermaninë`), and Sorani spelling variants.
 */
export type PlaceRole = 'dest' | 'origin' | 'via';

export interface Place {
  id: string;
  role: PlaceRole;
  names: string[];
}

export const PLACES: readonly Place[] = [
  { id: 'uk', role: 'dest', names: ['uk', 'u.k.', 'england', 'britain', 'blighty', 'great britain', 'united kingdom', 'london', 'dover', 'angleterre', 'royaume-uni', 'royaume uni', 'londres', 'بريطانيا', 'انجلترا', 'انكلترا', 'إنجلترا', 'لندن', 'بەریتانیا', 'ئینگلتەرا', 'ئینگلیز', 'لەندەن', 'Brîtanya', 'Brîtanyayê', 'Îngilistan', 'Îngilistanê', 'Londrayê', 'Ingiltere', 'İngiltere', 'Londra', 'انگلستان', 'انگلیس', 'بریتانیا', 'لندن', 'انګلستان', 'برتانیه', 'Angli', 'Anglia', 'Britani', 'Mbretëria e Bashkuar', 'Anh', 'nước Anh', 'Luân Đôn', 'Birleşik Krallık'] },
  { id: 'italy', role: 'dest', names: ['italy', 'italie', 'italia', 'lampedusa', 'sicily', 'sicile', 'calabria', 'ايطاليا', 'إيطاليا', 'ئیتاڵیا', 'îtalya', 'italya', 'ایتالیا', 'ایټالیا', 'itali', 'italinë', 'îtalyayê', 'ý'] },
  { id: 'greece', role: 'dest', names: ['greece', 'grèce', 'athens', 'lesbos', 'lesvos', 'samos', 'kos', 'chios', 'crete', 'اليونان', 'يونان', 'یونان', 'یۆنان', 'yewnanistan', 'yewnanistanê', 'yunanistan', 'greqi', 'greqia', 'greqinë', 'hy lạp'] },
  { id: 'germany', role: 'dest', names: ['germany', 'allemagne', 'deutschland', 'berlin', 'المانيا', 'ألمانيا', 'ئەڵمانیا', 'almanya', 'almanyayê', 'elmanya', 'elmanyayê', 'آلمان', 'المان', 'جرمني', 'gjermani', 'gjermania', 'gjermaninë', 'đức', 'nước đức'] },
  { id: 'france', role: 'dest', names: ['france', 'paris', 'فرنسا', 'فەرەنسا', 'fransa', 'fransayê', 'فرانسه', 'فرانسې', 'francë', 'franca', 'francën', 'pháp'] },
  { id: 'spain', role: 'dest', names: ['spain', 'espagne', 'españa', 'canary islands', 'canaries', 'اسبانيا', 'إسبانيا', 'ئیسپانیا', 'ispanya', 'ispanyayê', 'اسپانیا', 'spanjë', 'spanja', 'spanjën', 'tây ban nha'] },
  { id: 'europe', role: 'dest', names: ['europe', 'eu', 'schengen', 'اوروبا', 'أوروبا', 'ئەورووپا', 'ewropa', 'ewropayê', 'avrupa', 'اروپا', 'evropa', 'evropën', 'europa', 'châu âu'] },
  { id: 'calais', role: 'origin', names: ['calais', 'كاليه', 'کاله', 'کالە', 'kale', 'kalais'] },
  { id: 'dunkirk', role: 'origin', names: ['dunkirk', 'dunkerque', 'grande-synthe', 'grande synthe', 'دنكيرك', 'دانکرک', 'دەنکەرک', 'dunkerk'] },
  { id: 'libya', role: 'origin', names: ['libya', 'libye', 'tripoli', 'zuwara', 'sabratha', 'sabrata', 'garabulli', 'صبراتة', 'صبراته', 'القره بوللي', 'benghazi', 'ليبيا', 'طرابلس', 'زوارة', 'بنغازي', 'لیبیا', 'libya', 'lîbya', 'lîbyayê', 'libia', 'libinë', 'li-bi'] },
  { id: 'egypt', role: 'origin', names: ['egypt', 'égypte', 'alexandria', 'مصر', 'الإسكندرية', 'الاسكندرية', 'misir', 'mısır', 'egjipt', 'ai cập'] },
  { id: 'algeria', role: 'origin', names: ['algeria', 'algérie', 'الجزائر', 'وهران', 'cezayir', 'algjeri'] },
  { id: 'morocco', role: 'origin', names: ['morocco', 'maroc', 'tangier', 'tanger', 'nador', 'طنجة', 'الناظور', 'maroko', 'fas'] },
  { id: 'evros', role: 'origin', names: ['evros', 'ebros', 'meriç nehri', 'meriç nehrinden', 'rûbarê meriçê'] },
  { id: 'tunisia', role: 'origin', names: ['tunisia', 'tunisie', 'sfax', 'تونس', 'صفاقس'] },
  { id: 'turkey', role: 'origin', names: ['turkey', 'turquie', 'istanbul', 'izmir', 'bodrum', 'edirne', 'تركيا', 'اسطنبول', 'ازمير', 'تورکیا', 'ئەستەنبوڵ', 'tirkiye', 'tirkiyê', 'tirkiyeyê', 'türkiye', 'türkiyə', 'ترکیه', 'استانبول', 'ترکیې', 'turqi', 'turqia', 'stamboll', 'thổ nhĩ kỳ'] },
  { id: 'belarus', role: 'via', names: ['belarus', 'biélorussie', 'minsk', 'بيلاروسيا', 'بێلاڕووس', 'بەلاڕووس', 'بیلاڕووس', 'بلاروس', 'belarûs', 'belarûsê', 'belarus', 'bjellorusi', 'belarusia', 'belarus'] },
  { id: 'bosnia', role: 'via', names: ['bosnia', 'bosnie', 'bihac', 'bihać', 'البوسنة', 'بۆسنە', 'bosna', 'بوسنی', 'bosnje', 'bosnjë'] },
  { id: 'serbia', role: 'via', names: ['serbia', 'serbie', 'صربيا', 'sirbistan', 'sirbistanê', 'صربستان', 'serbi', 'serbia', 'serbisë', 'serbinë'] },
  { id: 'hungary', role: 'via', names: ['hungary', 'budapest', 'hongrie', 'المجر', 'هنغاريا', 'مجارستان', 'هەنگاریا', 'مەجەرستان', 'macaristan', 'macaristanê', 'هنګري', 'hungari', 'hungaria', 'hungarisë'] },
  { id: 'austria', role: 'dest', names: ['austria', 'vienna', 'autriche', 'vienne', 'النمسا', 'اتریش', 'نەمسا', 'awistirya', 'nemsa', 'nemsayê', 'avusturya', 'austri', 'austrinë', 'nước áo'] },
  { id: 'croatia', role: 'via', names: ['croatia', 'zagreb', 'croatie', 'كرواتيا', 'کرواسی', 'کرواتیا', 'xirwatistan', 'hırvatistan', 'kroaci', 'kroacia', 'kroacisë'] },
  { id: 'bulgaria', role: 'via', names: ['bulgaria', 'sofia', 'bulgarie', 'بلغاريا', 'بلغارستان', 'بولگاریا', 'bulgaristan', 'bulgaristanê', 'bullgari', 'bullgaria', 'bullgarisë'] },
  { id: 'russia', role: 'via', names: ['russia', 'moscow', 'russie', 'moscou', 'روسيا', 'روسیه', 'ڕووسیا', 'rûsya', 'rûsyayê', 'rusya', 'rusi', 'rusia', 'rusisë', 'nước nga', 'qua nga', 'sang nga', 'đường nga'] },
  { id: 'iran', role: 'via', names: ['iran', 'ایران', 'ئێران', 'إيران', 'îran', 'îranê'] },
  { id: 'poland', role: 'via', names: ['poland', 'pologne', 'بولندا', 'لهستان', 'polonya', 'poloni', 'ba lan'] },
  { id: 'belgium', role: 'origin', names: ['belgium', 'belgique', 'brussels', 'bruxelles', 'بلجيكا', 'بلژیک', 'belçika', 'belgjikë', 'bỉ'] },
  { id: 'netherlands', role: 'dest', names: ['netherlands', 'holland', 'pays-bas', 'هولندا', 'هلند', 'hollanda', 'hollandayê', 'hà lan'] },
];
