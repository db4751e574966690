import type { LangPack } from './types.ts';

// Turkish. Synthetic phrases written for Tidewatch.
export const tr: LangPack = {
  lang: 'tr',
  script: 'latin',
  money: [['{n} €', 1500, 10000], ['{n} euro', 1500, 10000], ['{n} dolar', 2000, 12000], ['{n}$', 2000, 12000], ['{n} sterlin', 1500, 8000], ['{n} TL', 60000, 400000], ['{n} bin lira', 60, 400], ['{n} bin euro', 2, 9]],
  dest: ['İngiltere', 'Londra', 'İtalya', 'Almanya', 'Yunanistan', 'Avrupa', 'Fransa', 'Yunan adaları'],
  ad: {
    open: [
      'Herkese selam', 'YENİ SEFER AÇILDI', 'Calais\'de bekleyen kardeşlere müjde', 'Rota {DEST}, gitmek isteyen var mı?', '2019\'dan beri güvenilir ekip', 'Bu ayın son grubu',
      'Bu hafta hava çok güzel', 'Sadece ciddi olanlar', '{DEST} hayali burada başlıyor', 'Yol yeniden açıldı', 'Değerli kardeşler',
    ],
    offer: {
      boat_crossing: [
        'Fransa - {DEST} arası bot ile geçiş, yeni motor ve herkese can yeleği', 'deniz sakin olduğu her gece Dunkirk sahilinden bot var', '{DEST} hattı sürat teknesiyle, sadece 2 saat',
        'Libya\'dan İtalya\'ya büyük balıkçı teknesiyle, lastik bot değil', 'Bodrum\'dan Yunan adalarına yatla geçiş, kaptan tecrübeli', 'küçük grup, botta en fazla 40 kişi',
        'Ayvalık\'tan Midilli\'ye bot, gece çıkış', 'kamptan alıp sahile götürüyoruz',
      ],
      lorry: [
        'Belçika - {DEST} arası tır ile taksi', 'tırla yolculuk, gizli bölme, şoför bizim adamımız', 'Calais\'den frigorifik kamyon, içeride güvenli yer, bu yolda röntgen yok',
        '{DEST} hattı özel minibüs, kontrol yok, kapıdan kapıya', '{DEST} hattı konteyner ile, şoför yolu biliyor', 'her gece otoparktan tır oyunu',
      ],
      flight_documents: [
        '{DEST} uçuşu, orijinal pasaport senin fotoğrafınla', 'VIP uçakla, Avrupa kimlik kartı ve bilet bizden', '{DEST} için vize ve bilet, mühür yüzde yüz gerçek',
        'platin paket: havalimanından direkt Londra, benzer pasaportla', 'oturum kartı yapıyoruz, İstanbul\'dan uçuyorsun', '{DEST} için öğrenci vizesi, üniversite kabulü ve uçak bizden', 'mülakatsız Schengen vizesi, bilet dahil',
      ],
      land_route: [
        'Edirne\'den Yunanistan\'a kara yolu, rehber ile', 'Balkan rotası rehberle: Sırbistan, Macaristan, Avusturya', 'Bosna\'dan İtalya\'ya oyun, sınırdan sonra araba bekliyor',
        'Yunanistan - {DEST} arası kara yoluyla, sonuna kadar rehber', 'orman yolu rehber ve GPS ile, yemek bizden', 'Van\'dan İstanbul\'a araçla, az yürüyüş',
      ],
      job_lure: [
        'iş yeri {DEST}, yolculuğu ve evrakları biz ayarlıyoruz', 'İngiltere\'de oto yıkamada iş, maaş 2000 sterlin, yol bizden', 'İtalya\'da tarım işi, sözleşme ve vize bizden, sadece yol parasını ödüyorsun',
        'Londra\'da restoranda iş, konaklama ücretsiz, seni oraya biz götürüyoruz', 'Avrupa\'da inşaat işi, yolu biz hallediyoruz', 'Avrupa\'da eğitim: kabul, vize ve yolculuk hepsi bizden',
      ],
      recruitment: [
        'Avrupa ehliyeti olan şoför aranıyor, sefer başı iyi para', 'bot için kaptan arıyoruz, sen sür, ücretsiz geç ve para da al', 'sahilde botu yüklemek için yardımcı lazım, her gece ödeme',
        'Fransa-Belçika gece işi için minibüs şoförü, {P} nakit', 'telefonu tutup grupları yönlendirecek eleman lazım, maaş iyi', 'tecrübesiz kaptan alınır, GPS öğretiyoruz',
      ],
    },
    price: [
      'fiyat kişi başı {P}', 'sadece {P}', 'ücret {P}', 'kişi başı {P}', 'fiyat {P}, VIP {P2}', 'her şey dahil {P}', 'bu aya özel {P}', 'normal {P}', 'ödeme {P}', 'bot {P}, tır {P2}',
    ],
    extra: [
      'çocuklar yarı fiyat', '10 yaş altı çocuklar ücretsiz', 'ailelere indirim', 'bronz, gümüş ve altın paketler', 'botu kullanana indirim', 'VIP = yürüyüş yok, yolculuktan önce otel',
      'altın pakette 3 deneme hakkı', '5 kişi getir sen bedava git',
    ],
    guarantee: [
      '%100 garantili', '%100 güvenli', 'varana kadar garanti', 'güvenli ve rahat tekne', 'polisle hiçbir sorun yok', 'geçemezsen tekrar ücretsiz', 'yasal, güvenilir ve ucuz',
      'bizimle çok kişi geçti, videolara bakın', 'varış garantili', 'yüzde yüz',
    ],
    pay: [
      'varınca ödeme', 'peşinat yok', 'para döviz bürosunda kalır, OK deyince çekilir', 'havale kabul', 'hedefe varınca ödersin', 'emanet ofiste, varınca serbest', 'yarısı önce yarısı sonra', 'nakit veya Western Union',
    ],
    urgency: [
      'bu hafta çıkış', 'az yer kaldı', 'son 3 yer', 'hava iyi olursa yarın gece', 'hemen yer ayırt', 'cuma çıkış', 'bu fiyat sadece bu ay', 'acele edin bot neredeyse dolu', 'grup pazar günü kapanıyor',
    ],
    contact: [
      'WhatsApp {PHONE}', 'ara veya WhatsApp {PHONE}', 'iletişim {WA}', 'Telegram {TG}', 'özelden yazın', 'detaylar için DM', '{HANDLE} hesabına mesaj', 'Viber {PHONE}', 'sadece Signal {PHONE}',
      'sadece WhatsApp mesajı, arama yok', 'DM', 'kanala katıl {TG}',
    ],
    close: ['Allah herkesi korusun', 'sadece ciddi olanlar', 'boş mesaj atmayın', 'görüşmek üzere, yol {DEST}', 'arkadaşlarınızla paylaşın', 'bize güvenin'],
  },
  neg: {
    news: [
      ['SON DAKİKA:', 'Güncelleme:', '', 'Mahkemeden:'],
      ['Fransa açıklarında küçük bir botun alabora olması sonucu {N} kişi hayatını kaybetti', 'Göçmen kaçakçılığı operasyonunda {N} şüpheli gözaltına alındı, kişi başı {P} aldıkları belirlendi', 'Dover\'da dorsesinde {N} göçmen bulunan tır şoförüne hapis cezası',
        'Frigorifik bir kamyonda saklanan {N} kişi yakalandı', 'Sahil Güvenlik Ayvalık açıklarında aşırı yüklü bottan {N} kişiyi kurtardı', 'Sahte pasaport ve Londra uçuşu satan şebeke çökertildi, {N} gözaltı'],
      ['', 'Soruşturmaya göre şebeke sosyal medya ve WhatsApp üzerinden ilan veriyordu', 'Mağdurlar {P} kadar ödemişti', 'Soruşturma sürüyor', 'Ayrıntılar sitemizde'],
    ],
    ngo_warning: [
      ['⚠️ Karar vermeden önce okuyun', 'Güvenlik uyarısı', 'Kamptaki ekibimizden mesaj'],
      ['Kaçakçılar size botun %100 güvenli olduğunu söyleyecek. Bu yalan.', 'Botlar kapasitesinin üstünde yükleniyor ve kaçakçıların sattığı can yelekleri çoğu zaman sahte', 'Asla frigorifik kamyona binmeyin: insanlar soğuktan ve havasızlıktan öldü',
        'Varınca ödeme sizi korumaz, yol boyunca kontrol onlarda', 'Manş Denizi yazın bile soğuktur'],
      ['Denizde acil durumda 112\'yi arayın', 'Her salı ücretsiz hukuki danışmanlık', 'WhatsApp\'tan bize yazın {PHONE}, biz yolculuk organize etmiyoruz', 'Güvende kalın, paylaşın'],
    ],
    gov_campaign: [
      ['Kaçakçılar yalan söyler.', 'Hayatınızı riske atmayın.', 'Ödemeden önce düşünün.'],
      ['Güvenli bot ve İngiltere\'de iş vaat ediyorlar, eline ucuz bir lastik bot ve borç geçiyor', 'Küçük botla gelenler geri gönderilebilir', 'Kaçakçı paranı, deniz canını alır', 'Tırda saklanmak oyun değil: şoför hapse girer, sen ölebilirsin'],
      ['#KaçakçılığaHayır', 'Yola çıkmadan gerçekleri öğrenin', 'İçişleri Bakanlığı resmi bilgilendirmesi', ''],
    ],
    travel_agency: [
      ['Yaz fırsatı!', '✈️ Tatil 2026', 'Turunu şimdi ayırt'],
      ['İstanbul - Londra gidiş dönüş bilet {PS}', 'Bodrum\'dan Kos adasına feribot, gidiş dönüş {PS}, çocuklar yarı fiyat', 'Yunan adaları mavi yolculuk 7 gece, kişi başı {PS}',
        'Kapıda vize ile Midilli günübirlik tur {PS}', 'Umre turu vize ve otel dahil {P}'],
      ['Ofisimizi arayın {PHONE}', 'Rezervasyon WhatsApp {PHONE}', 'TÜRSAB belgeli seyahat acentesi', 'Kontenjan sınırlı, hemen yer ayırtın'],
    ],
    legal_advice: [
      ['Ücretsiz hukuki danışma', 'İltica danışmanlığı', 'Haklarınızı bilin'],
      ['İngiltere\'ye vardıysanız ve sığınma başvurusu yapmak istiyorsanız avukata ihtiyacınız var, ücretsiz yardım ediyoruz', 'Aile birleşimi, ailenize kavuşmanın yasal yoludur', 'Garantili vize vaat eden kimseye para vermeyin, gerçek vizeler resmi siteden alınır',
        'Güvenli ve yasal yollar var: yeniden yerleşim, aile birleşimi, öğrenci vizesi'],
      ['Pazartesi-cuma {PHONE} arayın', 'Bize yazın, Türkçe, Arapça ve Farsça cevap veriyoruz', 'Danışmanlığımız ücretsiz ve gizlidir'],
    ],
    job_ad: [
      ['Eleman alınacak', 'Almanya\'da iş imkânı', 'İş ilanı'],
      ['Manchester\'da bakım personeli, lisanslı şirket sponsorluğuyla', 'İspanya tarımında sezonluk iş, konaklama var, çalışma izni şart', 'Dubai\'de otel personeli, vize işveren tarafından, adaydan ücret alınmaz',
        'İstanbul\'da depo elemanı, gece vardiyası, maaş {PS}'],
      ['Sitemizden başvurun, kesinlikle para istemiyoruz', 'CV\'nizi WhatsApp {PHONE} gönderin', 'İŞKUR kayıtlı özel istihdam bürosu'],
    ],
    personal_story: [
      ['Hikâyemi anlatmak istiyorum.', 'İki yıl önce bugün.', 'Lütfen kardeşim için dua edin.'],
      ['Dunkirk\'te bir adama {P} verdik, bot bir saat sonra batmaya başladı', 'Bir tırın arkasında 14 saat kaldım, öleceğimi sandım', 'Kuzenim Libya\'dan botla çıktı, {N} gündür haber alamıyoruz',
        'Kaçakçı yüzde yüz güvenli dedi, 30 kişilik bota 60 kişi bindik', 'Gece Türkiye\'den Yunanistan\'a geçtim, kızım 4 yaşındaydı'],
      ['Benim yaptığımı yapmayın.', 'Ben hayattayım ama çoğu değil', 'Haberi olan bana yazsın', 'Mekânları cennet olsun'],
    ],
    sale: [
      ['Satılık', 'Acil satılık', 'Fiyat düştü!'],
      ['5,8 m şişme bot, Yamaha 115 motor ve römork dahil, {P}', 'Ford Transit 2017 temiz, {P}', 'balıkçı teknesi, biraz bakım ister, {P} pazarlık payı var',
        'Mercedes Actros çekici, bakımlı, {P}', 'iki kişilik şişme kano, iki kez kullanıldı, {PS}'],
      ['Ara veya WhatsApp {PHONE}', 'Yerinde teslim', 'Daha fazla fotoğraf için DM', 'Ciddi alıcılar'],
    ],
    driver_job: [
      ['Şoför aranıyor', 'Tır şoförü alınacak', 'Acil eleman'],
      ['Avrupa hattı Türkiye - Almanya, iki hafta yol bir hafta ev', 'Dover - Londra gece seferleri, SRC ve takograf kartı şart', 'İstanbul içi kargo dağıtım şoförü, araç firmadan'],
      ['Başvuru {PHONE}', 'CV {HANDLE}', 'Dorsede kaçak yolcu kontrolü konusunda tam eğitim verilir'],
    ],
    police_appeal: [
      ['Polisten çağrı', 'Yardım edebilir misiniz?', 'Bilgi aranıyor'],
      ['İngiltere\'ye bot geçişi sunan ilanları araştırıyoruz, gördüyseniz bildirin', 'Bu otoparktan tır yolculuklarını kimin organize ettiğini biliyor musunuz? İsim vermeden arayın',
        'Botlarda yer satmak için kullanılan WhatsApp numarasının arkasındaki kişileri tespit etmek istiyoruz'],
      ['İsim vermeden arayın', 'İsimsiz çevrimiçi ihbar', 'Her bilgi önemli'],
    ],
    condemnation: [
      ['Yazıklar olsun.', 'Bu beni çok kızdırıyor.', 'İnsan bunu nasıl yapar?'],
      ['Kaçakçılar çocukları {P} karşılığında bota bindirip kayboluyor', 'Bu "garantili geçiş" sayfaları hep yalan, insanlar yüzlerinden ölüyor', 'Bot yeri satan her sayfayı şikayet edin', 'Oyun diyorlar ama bu birinin hayatı'],
      ['Şikayet edin!', '💔', 'Denizde kaybolanların hepsine rahmet', ''],
    ],
  },
  hand: {
    ad: [
      ['boat_crossing', '🚤🇬🇷 Ayvalık ➡️ Midilli\nSağlam bot, yeni motor, tecrübeli kaptan\nKişi başı 2500€, çocuklar yarı\nPara büroda kalır, varınca OK dersin 👍\nSadece WhatsApp +90 531 000 48 27'],
      ['lorry', 'tır taksi 🚛 Zeebrugge\'den, sadece 2 yer, yürüyüş yok, şoför bizden. ödeme sonra. DM'],
      ['flight_documents', 'VIP ✈️ İstanbul → Londra pasaportla (fotoğraf benzer) + bilet. 9000€. Sadece ciddi olanlar yazsın.'],
      ['land_route', 'Bu gece Bihaç\'tan oyun. Sınırdan sonra araba Trieste\'ye kadar, en fazla 2 gün. 3200 euro İstanbul ofisine emanet. t.me/balkan_yolu_8'],
      ['job_lure', 'Manchester\'da oto yıkamada çalışacak genç arkadaşlar aranıyor 🇬🇧 haftalık maaş, Fransa\'dan geçişi biz ayarlıyoruz, maaştan ödersin. Özelden yaz'],
      ['recruitment', 'GPS ile bot kullanabilecek 2 kişi lazım. Geçiş ücretsiz + her sefer 1000€. Sadece ciddi olanlar, DM'],
    ],
    neg: [
      ['news', 'Fransız yetkililere göre, yaklaşık 70 göçmeni taşıyan bir botun Boulogne açıklarında zor durumda kalması sonucu bu sabah ikisi çocuk altı kişi hayatını kaybetti.'],
      ['ngo_warning', 'Biri size WhatsApp\'ta "güvenli bot" teklif ederse yalan söylüyor. Aşırı dolu botlar batar. Perşembe günü ekibimize gelin, ücretsiz ve gizli.'],
      ['travel_agency', '🌊⛵ Günübirlik: Bodrum → Kos feribot + öğle yemeği. Yetişkin 45€, çocuklar yarı fiyat! Rezervasyon WhatsApp. Yerler sınırlı!'],
      ['personal_story', 'Amcam sahte pasaportla "VIP uçuş" için 9000 dolar ödedi. Havalimanında yakalandı, her şeyini kaybetti. Bu insanlara güvenmeyin.'],
      ['condemnation', 'Her hafta "İngiltere %100 garantili" sayfaları görüyorum, her hafta da batan bir bot haberi okuyoruz. Bu hesapları şikayet edin, ölüm satıyorlar.'],
      ['sale', '4 metre şişme bot + 25 beygir motor satılık, gölde balık için ideal. 55 bin TL. DM, pazarlık yok.'],
    ],
    obf: [
      ['boat_crossing', 'b0t ile Yun4nistan bu h4fta. g4rant1li. f1yat 2 5 0 0 €. whatsapp +90 531 OOO 7 3 1 4'],
      ['lorry', 'T-I-R 🚛 Calais\'den bu gece, ö d e m e  s o n r a, telegram özelden'],
    ],
  },
  keys: ['bot', 'garantili', 'tır', 'kamyon', 'pasaport', 'vize', 'güvenli', 'fiyat', 'WhatsApp', 'Telegram', 'geçiş', 'İngiltere', 'şoför', 'kaptan', 'tekne'],
  swap: [['bot', '🚤'], ['tekne', '⛵'], ['tır', '🚛'], ['kamyon', '🚛'], ['uçak', '✈️'], ['İngiltere', '🇬🇧'], ['İtalya', '🇮🇹'], ['Yunanistan', '🇬🇷'], ['Fransa', '🇫🇷'], ['pasaport', '🛂'], ['deniz', '🌊'], ['euro', '💶']],
};
