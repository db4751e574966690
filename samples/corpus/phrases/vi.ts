import type { LangPack } from './types.ts';

// Vietnamese. Synthetic phrases written for Tidewatch.
export const vi: LangPack = {
  lang: 'vi',
  script: 'latin',
  money: [['{n} triệu', 150, 900], ['{n}tr', 150, 900], ['{n} triệu đồng', 150, 900], ['{n} nghìn đô', 8, 40], ['{n}k đô', 8, 40], ['{n} bảng', 2000, 12000], ['{n} euro', 2000, 15000], ['{n} đô', 5000, 30000]],
  dest: ['Anh', 'bên Anh', 'London', 'Ý', 'Đức', 'Hy Lạp', 'châu Âu', 'Pháp'],
  ad: {
    open: [
      'Chào cả nhà', 'MỞ ĐƯỜNG MỚI', 'Tin vui cho anh em đang ở Pháp', 'Ai muốn sang {DEST} thì xem', 'Đường dây uy tín từ 2019', 'Chuyến cuối tháng này',
      'Tuần này thời tiết đẹp', 'Chỉ dành cho người nghiêm túc', 'Giấc mơ {DEST} bắt đầu từ đây', 'Đường lại mở rồi', 'Anh chị em ơi',
    ],
    offer: {
      boat_crossing: [
        'đi thuyền từ Pháp sang {DEST}, máy mới, có áo phao cho mọi người', 'có xuồng đi mỗi đêm biển êm, từ bãi biển gần Dunkirk', 'tàu nhanh sang {DEST}, chỉ 2 tiếng',
        'đi biển từ Libya sang Ý bằng tàu cá lớn, không phải xuồng hơi', 'từ Thổ Nhĩ Kỳ sang Hy Lạp bằng ca nô, lái tàu nhiều kinh nghiệm', 'nhóm nhỏ, tối đa 40 người trên xuồng',
        'đi xuồng sang Anh, xuồng tốt lái tốt', 'đón từ trại ra bãi biển',
      ],
      lorry: [
        'đi xe tải từ Bỉ sang {DEST}', 'đi xe container, có chỗ giấu, tài xế người nhà', 'xe lạnh từ Calais, chỗ ngồi an toàn, tuyến này không có máy soi',
        'xe riêng đi {DEST} không bị kiểm tra, đón tận nơi', 'đi công sang {DEST}, tài xế thuộc đường', 'đi xe tải mỗi đêm từ bãi đỗ',
      ],
      flight_documents: [
        'bay thẳng sang {DEST} bằng hộ chiếu thật có ảnh của bạn', 'gói VIP đi máy bay, có thẻ căn cước châu Âu và vé', 'visa và vé máy bay đi {DEST}, dấu thật 100%',
        'gói bạch kim: từ sân bay thẳng London bằng hộ chiếu giống mặt', 'làm thẻ cư trú rồi bay từ Istanbul', 'visa du học {DEST}, bên em lo thư mời trường và vé bay', 'đi Anh đường bay, bao visa, không cần chứng minh tài chính',
      ],
      land_route: [
        'đi bộ từ Nga qua Belarus vào Ba Lan rồi sang Đức, có người dẫn', 'đường Balkan có người dẫn đường: Serbia, Hungary, Áo', 'đi từ Bosnia sang Ý, có xe đón sau biên giới',
        'từ Hy Lạp sang {DEST} bằng đường bộ, có người dẫn đến nơi', 'đi rừng có người dẫn và GPS, bao ăn', 'xe từ Serbia sang Áo, không phải leo núi',
      ],
      job_lure: [
        'việc làm tại {DEST}, bên em lo đường đi và giấy tờ', 'làm tiệm nail bên Anh, lương 2000 bảng, bao đường đi', 'làm nông trại ở Ý, bên em lo hợp đồng và visa, chỉ trả tiền đi đường',
        'làm nhà hàng ở London, bao ở, đưa sang tận nơi', 'việc xây dựng ở châu Âu, đường đi bên em lo', 'việc trông nhà bên Anh, lương cao, nợ tiền đi đường trừ dần vào lương', 'du học châu Âu: thư nhập học, visa, vé bay bên em lo hết',
      ],
      recruitment: [
        'cần tài xế có bằng lái châu Âu, tiền mỗi chuyến rất tốt', 'cần người lái xuồng, lái thì đi miễn phí còn được tiền', 'cần người phụ ở bãi biển để đẩy xuồng, trả tiền mỗi đêm',
        'tuyển lái xe van chạy đêm Pháp - Bỉ, {P} tiền mặt', 'cần người cầm điện thoại dẫn nhóm, lương cao', 'tuyển lái tàu không cần kinh nghiệm, dạy dùng GPS',
      ],
    },
    price: [
      'giá {P} một người', 'chỉ {P}', 'chi phí {P}', '{P} mỗi người', 'giá {P}, gói VIP {P2}', '{P} trọn gói', 'giá đặc biệt tháng này {P}', 'thường {P}', 'thanh toán {P}', 'đi biển {P}, đi xe {P2}',
    ],
    extra: [
      'trẻ em giảm nửa giá', 'trẻ dưới 10 tuổi miễn phí', 'giảm giá cho gia đình', 'có gói đồng, bạc, vàng', 'giảm giá cho người lái xuồng', 'VIP không phải đi bộ, ở khách sạn trước khi đi',
      'gói vàng được đi 3 lần', 'dẫn 5 người thì mình đi miễn phí',
    ],
    guarantee: [
      'bao đậu 100%', 'an toàn 100%', 'bảo đảm đến nơi', 'xuồng an toàn và thoải mái', 'không lo công an', 'không qua được thì đi lại miễn phí', 'hợp pháp, uy tín, giá rẻ',
      'nhiều người đã qua với bên em, xem video', 'cam kết đến nơi', 'uy tín số 1',
    ],
    pay: [
      'qua rồi mới trả tiền', 'không cần đặt cọc', 'tiền gửi ở tiệm vàng, báo OK mới giải ngân', 'nhận chuyển tiền qua người quen', 'đến {DEST} rồi mới thanh toán',
      'đặt cọc ở văn phòng, đến nơi mới rút', 'trả nửa trước nửa sau', 'nhận tiền mặt hoặc Western Union',
    ],
    urgency: [
      'tuần này đi', 'còn ít chỗ', 'chỉ còn 3 suất', 'tối mai đi nếu trời đẹp', 'đăng ký ngay', 'thứ sáu xuất phát', 'giá này chỉ trong tháng', 'nhanh lên xuồng sắp đủ người', 'chủ nhật chốt nhóm',
    ],
    contact: [
      'Zalo {PHONE}', 'gọi hoặc Zalo {PHONE}', 'liên hệ {WA}', 'Telegram {TG}', 'inbox riêng', 'ib để biết chi tiết', 'nhắn {HANDLE}', 'Viber {PHONE}', 'chỉ Signal {PHONE}', 'nhắn WhatsApp, không gọi',
      'nhắn tin riêng cho em', 'vào kênh {TG}',
    ],
    close: ['chúc mọi người bình an', 'ai nghiêm túc mới liên hệ', 'không tiếp người hỏi chơi', 'hẹn gặp ở {DEST}', 'chia sẻ cho bạn bè', 'cứ tin bên em'],
  },
  neg: {
    news: [
      ['TIN NÓNG:', 'Cập nhật:', '', 'Tại phiên tòa:'],
      ['{N} người thiệt mạng khi một chiếc xuồng nhỏ bị lật ngoài khơi bờ biển Pháp', 'Công an bắt {N} đối tượng trong đường dây đưa người trái phép, mỗi người phải trả {P}', 'Tài xế xe tải bị kết án sau khi {N} người di cư được phát hiện trong thùng xe tại Dover',
        'Phát hiện {N} người trốn trong một xe container đông lạnh', 'Lực lượng tuần duyên cứu {N} người trên chiếc xuồng quá tải ở eo biển Manche', 'Triệt phá đường dây làm hộ chiếu giả và bán vé bay sang London, bắt {N} người'],
      ['', 'Theo cơ quan điều tra, đường dây quảng cáo trên mạng xã hội và Zalo', 'Các nạn nhân đã trả tới {P}', 'Vụ việc đang được điều tra', 'Xem thêm trên trang của chúng tôi'],
    ],
    ngo_warning: [
      ['⚠️ Hãy đọc trước khi quyết định', 'Cảnh báo an toàn', 'Tin nhắn từ nhóm tình nguyện ở trại'],
      ['Kẻ đưa người sẽ nói xuồng an toàn 100%. Đó là lời nói dối.', 'Xuồng luôn chở quá tải và áo phao họ bán thường là hàng giả', 'Đừng bao giờ trốn trong xe container đông lạnh: đã có người chết vì lạnh và ngạt thở',
        'Trả tiền khi đến nơi không bảo vệ bạn, suốt dọc đường họ vẫn kiểm soát bạn', 'Nước biển Manche rất lạnh kể cả mùa hè'],
      ['Khẩn cấp trên biển gọi 112', 'Tư vấn pháp lý miễn phí mỗi thứ ba', 'Nhắn cho chúng tôi qua WhatsApp {PHONE}, chúng tôi không tổ chức chuyến đi nào', 'Hãy giữ an toàn và chia sẻ'],
    ],
    gov_campaign: [
      ['Kẻ đưa người nói dối.', 'Đừng đánh cược mạng sống.', 'Hãy suy nghĩ trước khi trả tiền.'],
      ['Họ hứa xuồng an toàn và việc làm bên Anh, nhưng bạn nhận được xuồng hơi rẻ tiền và món nợ', 'Người đến bằng xuồng nhỏ có thể bị trả về', 'Kẻ buôn người lấy tiền của bạn, biển cả lấy mạng sống của bạn', 'Trốn trong xe tải không phải trò chơi: tài xế đi tù, bạn có thể chết'],
      ['#DungDiChui', 'Tìm hiểu sự thật trước khi đi', 'Thông tin chính thức từ Bộ Nội vụ', ''],
    ],
    travel_agency: [
      ['Khuyến mãi hè!', '✈️ Du lịch 2026', 'Đặt tour ngay'],
      ['Vé khứ hồi Hà Nội - London từ {PS}', 'Tour du thuyền Hạ Long 2 ngày 1 đêm, {PS} một người, trẻ em giảm nửa giá', 'Tour châu Âu 5 nước 10 ngày, bao visa, từ {P}',
        'Tour Phú Quốc 3 ngày có vé máy bay {PS}', 'Tour Hàn Quốc 5 ngày, hỗ trợ làm visa du lịch, {PS}'],
      ['Gọi văn phòng {PHONE}', 'Đặt tour qua Zalo {PHONE}', 'Công ty lữ hành có giấy phép quốc tế', 'Số chỗ có hạn, đặt ngay'],
    ],
    legal_advice: [
      ['Tư vấn pháp lý miễn phí', 'Tư vấn tị nạn', 'Biết quyền của mình'],
      ['Nếu bạn đã đến Anh và muốn xin tị nạn, bạn cần luật sư, chúng tôi giúp miễn phí', 'Đoàn tụ gia đình là con đường hợp pháp để sang với người thân', 'Đừng trả tiền cho ai hứa visa "bao đậu", visa thật nộp trên trang chính thức',
        'Có nhiều con đường hợp pháp: visa lao động thời vụ, du học, đoàn tụ gia đình'],
      ['Gọi {PHONE} từ thứ hai đến thứ sáu', 'Nhắn tin cho chúng tôi, trả lời bằng tiếng Việt và tiếng Anh', 'Tư vấn miễn phí và bảo mật'],
    ],
    job_ad: [
      ['Tuyển dụng', 'Việc làm tại Đức', 'Thông báo tuyển'],
      ['Xuất khẩu lao động Nhật Bản, đơn hàng chế biến thực phẩm, công ty có giấy phép của Bộ', 'Điều dưỡng sang Đức, học tiếng miễn phí, visa do chủ lao động bảo lãnh', 'Nhân viên khách sạn tại Dubai, visa do công ty lo, không thu phí ứng viên',
        'Công nhân kho ở Bình Dương, ca đêm, lương {PS}'],
      ['Nộp hồ sơ trên website, không thu tiền dưới mọi hình thức', 'Gửi CV qua Zalo {PHONE}', 'Doanh nghiệp được cấp phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài'],
    ],
    personal_story: [
      ['Tôi muốn kể câu chuyện của mình.', 'Hai năm trước vào ngày này.', 'Mọi người cầu nguyện cho em trai tôi.'],
      ['Chúng tôi trả {P} cho một người ở Dunkirk và xuồng bắt đầu chìm sau một tiếng', 'Tôi ở trong thùng xe tải 14 tiếng, tưởng mình sẽ chết', 'Anh họ tôi đi thuyền từ Libya và đã {N} ngày không có tin tức',
        'Họ nói an toàn 100%. Chúng tôi 60 người trên chiếc xuồng cho 30 người', 'Tôi vượt biển từ Thổ Nhĩ Kỳ sang Hy Lạp ban đêm, con gái tôi mới 4 tuổi'],
      ['Đừng làm như tôi.', 'Tôi còn sống nhưng nhiều người thì không', 'Ai có tin tức xin nhắn cho tôi', 'Mong các bạn yên nghỉ'],
    ],
    sale: [
      ['Cần bán', 'Bán', 'Giảm giá!'],
      ['xuồng cao su 5,8m kèm máy Yamaha 115 và rơ moóc, {P}', 'xe Ford Transit 2017 đẹp, {P}', 'thuyền đánh cá cần sửa chút, {P} có thương lượng',
        'đầu kéo Hyundai Xcient, xe đẹp, {P}', 'thuyền kayak bơm hơi 2 người, mới dùng 2 lần, {PS}'],
      ['Gọi hoặc Zalo {PHONE}', 'Xem xe tại chỗ', 'Ib để xem thêm ảnh', 'Miễn trung gian'],
    ],
    driver_job: [
      ['Tuyển tài xế', 'Cần tài xế xe đầu kéo', 'Tuyển gấp'],
      ['Chạy tuyến Bắc Nam, 2 tuần đi 1 tuần nghỉ, lương cao', 'Chạy đêm giữa Dover và London, cần bằng lái và thẻ tachograph', 'Tài xế giao hàng nội thành Hà Nội, xe công ty'],
      ['Ứng tuyển {PHONE}', 'Gửi CV cho {HANDLE}', 'Đào tạo kiểm tra thùng xe để ngăn người trốn lên xe'],
    ],
    police_appeal: [
      ['Thông báo tìm người làm chứng', 'Bạn có thể giúp?', 'Cần thông tin'],
      ['Chúng tôi đang điều tra các quảng cáo đưa người sang Anh bằng xuồng, nếu thấy hãy báo cáo', 'Bạn có biết ai tổ chức đưa người lên xe tải ở bãi đỗ này? Hãy gọi cho chúng tôi, không cần nêu tên',
        'Chúng tôi muốn xác định những người đứng sau số Zalo dùng để bán chỗ trên xuồng', 'Đêm 12/10 có một xe van trắng xuất hiện gần bãi biển, ai biết thông tin xin liên hệ'],
      ['Gọi đường dây nóng, giấu tên', 'Báo cáo trực tuyến không cần nêu tên', 'Mọi thông tin đều có ích'],
    ],
    condemnation: [
      ['Thật đáng xấu hổ.', 'Đọc mà tức.', 'Sao con người có thể làm vậy?'],
      ['Bọn đưa người cho trẻ con lên xuồng với giá {P} rồi biến mất', 'Mấy trang "bao đậu sang Anh" toàn nói dối, người ta chết vì chúng', 'Báo cáo mọi trang bán chỗ trên xuồng, đừng lướt qua', 'Họ gọi là đi chui, nhưng đó là mạng người'],
      ['Báo cáo đi!', '💔', 'Cầu cho những người đã mất được yên nghỉ', ''],
    ],
  },
  hand: {
    ad: [
      ['boat_crossing', '🚤🇬🇧 Dunkirk ➡️ Anh\nXuồng tốt, máy mới, lái có kinh nghiệm\nGiá 3000 bảng một người, trẻ em nửa giá\nTiền gửi tiệm vàng, qua báo OK mới lấy 👍\nChỉ nhắn Zalo +84 90 000 4417'],
      ['lorry', 'đi công 🚛 từ Zeebrugge, còn 2 chỗ, không đi bộ, tài xế người mình. qua rồi trả. ib'],
      ['flight_documents', 'VIP ✈️ Hà Nội → London bằng hộ chiếu (ảnh giống) + vé. 28 nghìn đô. Ai nghiêm túc thì nhắn.'],
      ['job_lure', 'Tuyển người làm tiệm nail bên Anh 🇬🇧 bao ăn ở, bên em lo đường đi trọn gói 650tr, trả dần bằng lương. Nhắn riêng'],
      ['land_route', 'Đường Nga - Ba Lan - Đức, đi bộ 2 đêm, có người dẫn, 400 triệu, đến nơi mới đưa tiền. Zalo 090 000 1183'],
      ['recruitment', 'Cần 2 anh biết lái xuồng có GPS. Đi miễn phí + 1000 euro mỗi chuyến. Ai nghiêm túc ib'],
    ],
    neg: [
      ['news', 'Sáu người, trong đó có hai trẻ em, đã thiệt mạng rạng sáng nay khi chiếc xuồng chở khoảng 70 người di cư gặp nạn gần Boulogne, theo nhà chức trách Pháp.'],
      ['ngo_warning', 'Nếu ai đó mời bạn đi "xuồng an toàn" qua Zalo, họ đang nói dối. Xuồng quá tải sẽ chìm. Hãy đến gặp nhóm chúng tôi vào thứ năm, miễn phí và bảo mật.'],
      ['travel_agency', '🌊⛵ Tour trong ngày: du thuyền vịnh Hạ Long + ăn trưa. 850.000đ người lớn, trẻ em nửa giá! Đặt qua Zalo. Số chỗ có hạn!'],
      ['personal_story', 'Chú tôi trả 25 nghìn đô cho "đường bay VIP" bằng hộ chiếu giả. Bị bắt ở sân bay và mất hết. Đừng tin bọn này.'],
      ['condemnation', 'Tuần nào cũng thấy trang "bao đậu sang Anh 100%" và tuần nào cũng đọc tin xuồng chìm. Báo cáo mấy tài khoản này đi, chúng bán cái chết.'],
      ['job_ad', 'Xuất khẩu lao động Đức ngành điều dưỡng 🇩🇪 Học tiếng Đức miễn phí, visa do bệnh viện bảo lãnh. Công ty có giấy phép, KHÔNG thu phí môi giới. Zalo văn phòng để được tư vấn.'],
    ],
    obf: [
      ['boat_crossing', 'x.u.ồ.n.g sang 🇬🇧 tuần này, b4o đậu, giá 3 0 0 0 bảng, zalo +84 9O OOO 7 2 1 5'],
      ['flight_documents', 'di Anh duong bay ✈️ bao visa, bao dau 100%, 700tr tron goi, qua roi tra. ib'],
    ],
  },
  keys: ['xuồng', 'thuyền', 'bao đậu', 'xe tải', 'container', 'hộ chiếu', 'visa', 'an toàn', 'giá', 'Zalo', 'Telegram', 'sang Anh', 'tài xế', 'đường bay', 'trọn gói'],
  swap: [['xuồng', '🚤'], ['thuyền', '⛵'], ['xe tải', '🚛'], ['máy bay', '✈️'], ['sang Anh', 'sang 🇬🇧'], ['Ý', '🇮🇹'], ['Hy Lạp', '🇬🇷'], ['Pháp', '🇫🇷'], ['hộ chiếu', '🛂'], ['biển', '🌊'], ['euro', '💶']],
};
