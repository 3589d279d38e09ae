"""The Hoàng Kim commune's 2024 gender-equality plan, built with the Python API.

Run ``vbhc render examples/ke_hoach_hoang_kim.py -o plan.docx``, or import ``document`` from here.
The same content as a JSON spec is ``ke-hoach-hoang-kim.json``; both render byte-identical files.

Every paragraph and its wording come from the seed (the commune's own Word file). What vbhc changes,
on purpose:
- numbers are computed from the tree: part IV's items read 1 to 6 (the seed jumps from 4 to 8);
- the signature reads "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH": a plan issued by the People's Committee
  is issued by the collective, and the chairman signs on its behalf (Decree 30, PL I, II.7.b: "ký
  thay mặt tập thể thì phải ghi chữ viết tắt TM. vào trước tên tập thể"); the seed's bare
  "CHỦ TỊCH" would mean the chairman issues it in his own name;
- the Nơi nhận lines get their "-", ";" and "." from vbhc, and a space before "(t/h)";
- two paragraphs the seed's text export split at a page break are joined again.
"""

from vbhc import (
    Archive,
    Dash,
    Document,
    IssueDate,
    Issuer,
    Item,
    Mandate,
    Paragraph,
    Part,
    Plus,
    Recipient,
    Signature,
    SigningAuthority,
    Span,
)

PREAMBLE = [
    Paragraph("Thực hiện Kế hoạch số 40/KH-UBND ngày 23/02/2024 của UBND huyện Hoàng Hóa về việc triển khai thực hiện công tác bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2024."),
    Paragraph("Ủy ban nhân dân xã Hoàng Kim ban hành Kế hoạch thực hiện công tác bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2024 trên địa bàn xã Hoàng Kim, với nội dung chủ yếu như sau:"),
]

BODY = [
    Part(
        "MỤC ĐÍCH, YÊU CẦU",
        [
            Item(
                title="Mục đích",
                children=[
                    Paragraph("Triển khai thực hiện đồng bộ, hiệu quả các nhiệm vụ và giải pháp, biện pháp thúc đẩy bình đẳng giới; phòng ngừa, ứng phó với bạo lực trên cơ sở giới và vì sự tiến bộ của phụ nữ nhằm thực hiện hoàn thành các mục tiêu, chỉ tiêu về bình đẳng giới lĩnh vực lao động, người có công và xã hội, từ đó góp phần thực hiện hiệu quả các mục tiêu, chỉ tiêu của Chiến lược quốc gia về bình đẳng giới trên địa bàn xã Hoàng Kim."),
                ],
            ),
            Item(
                title="Yêu cầu",
                children=[
                    Dash("Các phòng, ban, ngành, cơ quan, đơn vị trong việc tổ chức thực hiện các hoạt động, giải pháp, biện pháp thúc đẩy bình đẳng giới."),
                    Dash("Các phòng chuyên môn thuộc UBND xã và các cơ quan, đơn vị phối hợp chặt chẽ, đồng bộ trong việc triển khai thực hiện các hoạt động thúc đẩy bình đẳng giới nhằm đảm bảo tính liên kết, hiệu quả giữa các mục tiêu, nhiệm vụ và giải pháp của kế hoạch."),
                    Dash("Lồng ghép việc triển khai thực hiện các nhiệm vụ, giải pháp công tác bình đẳng giới với các Chương trình, Kế hoạch của UBND xã để tận dụng nguồn lực sẵn có nhằm thực hiện công tác bình đẳng giới đạt hiệu quả cao nhất."),
                ],
            ),
        ],
    ),
    Part(
        "NHIỆM VỤ VÀ GIẢI PHÁP",
        [
            Item(
                title="Nâng cao chất lượng, hiệu quả hoạt động chỉ đạo, điều hành triển khai thực hiện công tác bình đẳng giới",
                children=[
                    Dash("Các phòng, ban, các cơ quan, đơn vị có liên quan và UBND xã tiếp tục triển khai thực hiện có hiệu quả các hoạt động, giải pháp thúc đẩy bình đẳng giới theo nội dung Kế hoạch số 193/KH-UBND ngày 25/8/2021 của UBND tỉnh về việc thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025 và định hướng đến năm 2030 trên địa bàn tỉnh Thanh Hóa, Kế hoạch số 42/KH-UBND ngày 05/3/2021 của UBND tỉnh về triển khai thực hiện Chương trình phòng ngừa và ứng phó với bạo lực trên cơ sở giới trên địa bàn tỉnh Thanh Hóa giai đoạn 2021-2025 đảm bảo chất lượng, hiệu quả và mục tiêu, chỉ tiêu theo chức năng, nhiệm vụ của từng sở, ngành, địa phương và Kế hoạch số 87/KH-UBND ngày 28/3/2022 của UBND tỉnh về việc ban hành Kế hoạch truyền thông về bình đẳng giới đến năm 2030 trên địa bàn tỉnh Thanh Hóa, trong đó: tập trung thực hiện đồng bộ, hiệu quả các chính sách, giải pháp, biện pháp thúc đẩy sự tham gia của phụ nữ trong lĩnh vực chính trị, kinh tế, lao động, việc làm; giảm thiểu mất cân bằng giới tính khi sinh và phòng ngừa, ứng phó với bạo lực trên cơ sở giới; cung cấp thông tin, kiến thức cho người dân tạo cơ hội để các nạn nhân bị bạo lực được tiếp cận các hoạt động can thiệp, giảm thiểu tác hại của bạo lực trên cơ sở giới phù hợp tại cộng đồng."),
                    Dash("Các phòng, ban, ngành, đơn vị và UBND xã thực hiện lồng ghép vấn đề bình đẳng giới trong xây dựng, thực hiện văn bản quy phạm pháp luật và các chiến lược, chương trình, kế hoạch phát triển kinh tế - xã hội giai đoạn 2021-2025; 2025-2030 và hằng năm của xã."),
                    Dash("Tổ chức các lớp tập huấn về kỹ năng lồng ghép giới trong xây dựng văn bản quy phạm pháp luật, chương trình, dự án v.v...; kỹ năng viết bài, thu thập thông tin đảm bảo yếu tố bình đẳng giới; nâng cao kiến thức, kỹ năng về công tác bình đẳng giới, vì sự tiến bộ của phụ nữ, phòng, chống bạo lực trên cơ sở giới; nâng cao năng lực, kỹ năng truyền thông, tư vấn tâm lý, trợ giúp pháp lý, kết nối dịch vụ và kỹ năng làm việc với người có hành vi gây bạo lực giới v.v..."),
                    Dash(["Triển khai thực hiện đồng bộ các giải pháp khuyến khích phát triển ngành nghề tạo việc làm cho nhiều lao động, đưa lao động đi làm việc ở nước ngoài theo hợp đồng (", Span("ưu tiên ngành nghề tuyển dụng nhiều lao động nữ", italic=True),
                          "); nâng cao chất lượng hoạt động công tác tư vấn giới thiệu việc làm, thông tin thị trường lao động, giới thiệu, kết nối giữa doanh nghiệp với các cơ sở giáo dục nghề nghiệp và người lao động trong việc tuyển dụng lao động đảm bảo nguyên tắc bình đẳng giới. Tư vấn, hỗ trợ phụ nữ khuyết tật, phụ nữ nghèo được vay vốn sản xuất, phát triển kinh tế hộ gia đình từ các chương trình trợ giúp xã hội, việc làm, giảm nghèo, quỹ tín dụng chính thức của Nhà nước."]),
                    Dash("Tăng cường công tác điều tra, xác minh, hỗ trợ, can thiệp kịp thời đối với phụ nữ và trẻ em gái bị bạo lực, quấy rối, xâm hại v.v...; cung cấp một số dịch vụ hỗ trợ tư vấn, tham vấn, hỗ trợ pháp lý, hỗ trợ tạm lánh v.v... khi người bị bạo lực có nhu cầu; theo dõi, kiểm tra việc giải quyết các vụ việc."),
                    Dash(
                        "Các phòng, ngành, ban, đơn vị liên quan và UBND xã thực hiện có hiệu quả các hoạt động về bình đẳng giới, cụ thể:",
                        [
                            Plus("Đăng ký đạt chuẩn nông thôn mới, xã đạt chuẩn nông thôn mới nâng cao về thực hiện tiêu chí “Đảm bảo bình đẳng giới và phòng, chống bạo lực gia đình; phòng, chống bạo lực trên cơ sở giới; phòng, chống xâm hại trẻ em; bảo vệ và hỗ trợ trẻ em có hoàn cảnh đặc biệt tại các xã, thị trấn; bảo vệ và hỗ trợ những người dễ bị tổn thương trong gia đình và đời sống xã hội”"),
                            Plus("Nâng cao nhận thức của phụ nữ về chủ trương, đường lối của Đảng và chính sách, pháp luật của Nhà nước về khởi nghiệp, phát triển kinh tế; vai trò, vị trí của phụ nữ đối với sự phát triển kinh tế - xã hội."),
                        ],
                    ),
                    Dash("Đẩy mạnh việc huy động nguồn lực từ các cơ quan, đơn vị, doanh nghiệp, tổ chức, cá nhân trong nước và quốc tế hỗ trợ thực hiện các chương trình, đề án, dự án về bình đẳng giới của địa phương nhằm tăng tính bền vững, hiệu quả trong thực hiện công tác bình đẳng giới."),
                    Dash("Phấn đấu đến hết năm 2024 có ít nhất 60% lao động nữ làm công hưởng lương."),
                ],
            ),
            Item(
                title="Đẩy mạnh công tác thông tin, truyền thông, giáo dục, vận động xã hội nhằm nâng cao trách nhiệm, kiến thức, kỹ năng về bình đẳng giới, phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
                children=[
                    Dash("Tiếp tục đẩy mạnh truyền thông về các chủ trương, đường lối của Đảng và chính sách, pháp luật của Nhà nước về bình đẳng giới, vì sự tiến bộ của phụ nữ và phòng ngừa, ứng phó với bạo lực trên cơ sở giới; các mục tiêu, chỉ tiêu của Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030, Chương trình phòng ngừa, ứng phó với bạo lực trên cơ sở giới giai đoạn 2021-2025, Chương trình truyền thông về bình đẳng giới đến năm 2030 nhằm nâng cao nhận thức, trách nhiệm của các cấp ủy Đảng, chính quyền, cơ quan, tổ chức, doanh nghiệp và người dân trong thực hiện công tác bình đẳng giới."),
                    Dash("Đề nghị các cơ quan thông tin đại chúng nâng cao chất lượng tin, bài thông tin, tuyên truyền, phổ biến sâu rộng chính sách, pháp luật về bình đẳng giới, phòng ngừa và ứng phó với bạo lực trên cơ sở giới, vì sự tiến bộ của phụ nữ, giảm thiểu tình trạng mất cân bằng giới tính khi sinh con do việc lựa chọn giới tính thai nhi v.v...; tăng cường ứng dụng, khai thác lợi thế của công nghệ thông tin và các loại hình truyền thông trên nền tảng công nghệ số phù hợp với địa phương, đối tượng."),
                    Dash(["Tổ chức các hoạt động thông tin, truyền thông về bình đẳng giới và vì sự tiến bộ của phụ nữ với các hình thức phong phú, đa dạng, phù hợp với từng nhóm đối tượng, địa bàn dân cư; tăng cường thông tin, giới thiệu các hoạt động thúc đẩy bình đẳng giới bằng hình ảnh (", Span("Infographic, video clip, phim tài liệu", italic=True),
                          "), diễn đàn, đối thoại v.v... tích cực ứng dụng công nghệ thông tin, tuyên truyền trên không gian mạng Internet như: Trang thông tin điện tử cơ quan, đơn vị, kênh youtube, zalo. Fanpage, facebook v.v... xây dựng, in ấn và phát hành các tờ rơi, áp-phích, pa-nô, băng rôn tuyên truyền về bình đẳng giới và vì sự tiến bộ của phụ nữ v.v...; hướng dẫn kỹ năng lồng ghép giới, lên án các hành vi vi phạm bình đẳng giới; tuyên truyền giới thiệu về các mô hình, dịch vụ hỗ trợ thực hiện bình đẳng giới, phòng ngừa và ứng phó với bạo lực trên cơ sở giới tại địa phương; khuyến khích sự tham gia của những người có uy tín trong cộng đồng, nam giới, thanh niên vào các hoạt động truyền thông về bình đẳng giới phù hợp với tình hình tại địa phương."]),
                    Dash("Tổ chức triển khai thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới trên địa bàn xã từ ngày 15/11 đến ngày 15/12/2024 đảm bảo hiệu quả và có sức lan tỏa từ cấp xã đến cấp cơ sở, thu hút đông đảo sự tham gia trực tiếp của các tầng lớp Nhân dân. Đồng thời, đẩy mạnh thực hiện các hoạt động thúc đẩy bình đẳng giới; phòng ngừa, phát hiện và ngăn chặn, xử lý kịp thời các vụ bạo lực trên cơ sở giới, đặc biệt là bạo lực đối với phụ nữ và trẻ em gái."),
                ],
            ),
            Item(
                title="Xây dựng, phát triển các mô hình thúc đẩy bình đẳng giới",
                children=[
                    Dash("Các cơ quan, đơn vị rà soát, đánh giá các mô hình thúc đẩy bình đẳng giới và phòng, ngừa ứng phó với bạo lực trên cơ sở giới đã và đang được triển khai để nâng cao hiệu quả hoạt động; tiếp tục duy trì, nhân rộng các mô hình ở những địa bàn, lĩnh vực còn tình trạng bất bình đẳng giới hoặc nguy cơ xảy ra bạo lực trên cơ sở giới. Cụ thể:"),
                    Dash("Tiếp tục duy trì mô hình truyền thông, tư vấn về BDG cho thanh niên và vị thành niên tại các trường trung học phổ thông nhằm cung cấp thông tin, kiến thức cho nam, nữ trong độ tuổi thanh niên, vị thành niên về các lĩnh vực bình đẳng giới, đặc biệt là các vấn đề liên quan đến học tập, chăm sóc sức khỏe, quan hệ bạn bè, học nghề và hướng nghiệp, góp phần nâng cao nhận thức của thanh niên, vị thành niên về bình đẳng giới từ đó làm thay đổi thói quen và hành vi gây nên bất bình đẳng giới và từng bước thu hẹp khoảng cách giới."),
                    Dash("Duy trì, nhân rộng và phát triển mô hình “Địa chỉ tin cậy - Nhà tạm lánh”; mô hình “Camera với an ninh trật tự” v.v... nhằm tư vấn, tham vấn về pháp luật, tâm lý và cung cấp các dịch vụ thiết yếu để giúp phòng ngừa, can thiệp sớm khi có dấu hiệu bạo lực gia đình, bạo lực trên cơ sở giới, huy động sự tham gia của người dân trong việc thúc đẩy bình đẳng giới và phòng, chống bạo lực trên cơ sở giới, góp phần giảm thiểu tình trạng bạo lực trên cơ sở giới và bảo vệ an toàn cho phụ nữ, trẻ em gái."),
                ],
            ),
            Item(
                title="Kiểm tra việc thực hiện chính sách, pháp luật về bình đẳng giới; giải quyết khiếu nại, tố cáo và xử lý vi phạm pháp luật về bình đẳng giới",
                children=[
                    Dash("Tăng cường kiểm tra, xử lý vi phạm về bình đẳng giới; kịp thời xác minh, báo cáo những vấn đề, vụ việc đột xuất liên quan đến công tác bình đẳng giới và vì sự tiến bộ của phụ nữ cho cơ quan nhà nước có thẩm quyền để phối hợp giải quyết."),
                    Dash("Thường xuyên kiểm tra, giám sát điều kiện lao động, an toàn vệ sinh lao động trong doanh nghiệp, gắn trách nhiệm người sử dụng lao động trong việc tổ chức khám sức khỏe định kỳ và cải thiện điều kiện làm việc cho lao động nữ."),
                    Dash("Phối hợp với Ban Vì sự tiến bộ của phụ nữ xã tổ chức kiểm tra tình hình thực hiện các quy định của pháp luật về bình đẳng giới, vì sự tiến bộ của phụ nữ đảm bảo theo quy định."),
                ],
            ),
            Item(
                title="Thực hiện công tác thống kê, thông tin, báo cáo về bình đẳng giới",
                children=[
                    Paragraph("Thường xuyên rà soát, thống kê, đánh giá kết quả thực hiện các mục tiêu, chỉ tiêu về bình đẳng giới; định kỳ tổng hợp, báo cáo (06 tháng, năm) và báo cáo đột xuất đảm bảo theo đúng thời gian quy định."),
                ],
            ),
        ],
    ),
    Part(
        "KINH PHÍ",
        [
            Paragraph("Kinh phí thực hiện công tác bình đẳng giới năm 2024 được bố trí từ nguồn ngân sách nhà nước và các nguồn huy động, vận động hợp pháp khác."),
        ],
    ),
    Part(
        "TỔ CHỨC THỰC HIỆN",
        [
            Item(
                title="Công chức Lao động - Thương binh và Xã hội",
                children=[
                    Dash("Xây dựng Kế hoạch triển khai công tác bình đẳng giới và phòng ngừa ứng phó với bạo lực trên cơ sở giới năm 2024 tại địa phương phù hợp với tình hình thực tế."),
                    Dash("Tham mưu cho UBND xã triển khai thực hiện hiệu quả các hoạt động thông tin, truyền thông về bình đẳng giới, vì sự tiến bộ của phụ nữ và phòng ngừa, ứng phó với bạo lực trên cơ sở giới; chỉ đạo, hướng dẫn chuyên môn, tập huấn nâng cao năng lực cho cán bộ làm công tác bình đẳng giới và sự tiến bộ của phụ nữ trên địa bàn huyện."),
                    Dash("Triển khai kế hoạch thực hiện Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2024 hiệu quả, sáng tạo nhằm tạo nên một chiến dịch truyền thông vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới trên phạm vi toàn tỉnh, từ đó, thu hút sự quan tâm, đề cao vai trò, trách nhiệm và tính chủ động tham gia hành động của các cơ quan, tổ chức, cộng đồng, gia đình, cá nhân nhằm thúc đẩy bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới, đặc biệt là bạo lực đối với phụ nữ và trẻ em."),
                    Dash("Tham mưu cho UBND xã xây dựng kế hoạch kiểm tra, giám sát về thực hiện các mục tiêu, chỉ tiêu về bình đẳng giới, hoạt động vì sự tiến bộ của phụ nữ và công tác phòng ngừa, ứng phó với bạo lực trên cơ sở giới."),
                    Dash("Định kỳ thống kê, tổng hợp, đánh giá tình hình, kết quả thực hiện công tác bình đẳng giới và báo cáo theo quy định."),
                    Dash("Lồng ghép thực hiện có hiệu quả các hoạt động thúc đẩy bình đẳng giới trong quá trình triển khai thực hiện các chính sách trợ giúp xã hội, Chương trình giảm nghèo bền vững giai đoạn 2021-2025, ưu tiên hỗ trợ cho phụ nữ nghèo tham gia các dự án phát triển sản xuất, mô hình hỗ trợ phụ nữ thuộc hộ nghèo, hộ cận nghèo để phát triển kinh tế gia đình, có thu nhập ổn định, không phải đi làm ăn xa."),
                    Dash("Triển khai thực hiện các giải pháp nâng cao chất lượng, hiệu quả các hoạt động tư vấn, giới thiệu việc làm, thông tin thị trường lao động, tư vấn học nghề, giới thiệu, kết nối giữa doanh nghiệp với các cơ sở giáo dục nghề nghiệp và người lao động trong việc tuyển dụng đảm bảo nguyên tắc bình đẳng giới."),
                    Dash("Tăng cường thực hiện các nhiệm vụ, giải pháp nhằm đạt được các mục tiêu, chỉ tiêu đề ra trong lĩnh vực lao động, việc làm; tăng cường kiểm tra, giám sát, phối hợp xử lý vi phạm trong việc đảm bảo bình đẳng giới trong lao động và việc làm."),
                    Dash("Triển khai thực hiện hiệu quả các chính sách hỗ trợ người bán dâm hoàn lương, nạn nhân bị mua bán trở về hòa nhập cộng đồng. Chịu trách nhiệm thu thập, tổng hợp thông tin và báo cáo số liệu liên quan về phòng ngừa, ứng phó với bạo lực trên cơ sở giới."),
                ],
            ),
            Item(
                title="Công chức Văn hóa – Xã hội",
                children=[
                    Dash("Tổ chức treo băng-rôn, pa-nô, áp-phích, khẩu hiệu tuyên truyền trên các tuyến đường chính, khu dân cư, khu vực công cộng; đẩy mạnh thực hiện các hoạt động tuyên truyền thực hiện bình đẳng giới, vì sự tiến bộ của phụ nữ và phòng, chống bạo lực trong gia đình."),
                    Dash("Phối hợp với Công chức Lao động - Thương binh và Xã hội tổ chức tuyên truyền trên các phương tiện thông tin đại chúng và các hoạt động tuyên truyền trực tiếp về phòng, chống bạo lực gia đình, tảo hôn, ép kết hôn; khuyến khích sáng tác, xây dựng sản phẩm, thi, trưng bày, biểu diễn về bình đẳng giới và phòng chống bạo lực giới."),
                    Dash("Tăng cường tổ chức thông tin, phổ biến chính sách, pháp luật và các kiến thức về bình đẳng giới bằng các hình thức phù hợp cho cán bộ, công chức, viên chức, người lao động của phòng, đơn vị; lồng ghép nội dung tuyên truyền về bình đẳng giới, vì sự tiến bộ của phụ nữ và phòng ngừa, ứng phó với bạo lực trên cơ sở giới trong các hoạt động thông tin, truyền thông cho đối tượng là người dân, người lao động và người sử dụng lao động thông qua hệ thống đài truyền thanh xã."),
                    Dash("Tăng cường kiểm tra, kiểm soát các hoạt động về thông tin, thông tin trên mạng Internet về bình đẳng giới."),
                ],
            ),
            Item(
                title="Phòng Kế hoạch - Tài chính",
                children=[
                    Paragraph("Hướng dẫn việc sử dụng và thanh quyết toán nguồn kinh phí thực hiện công tác bình đẳng giới và phòng, ngừa ứng phó với bạo lực trên cơ sở giới năm 2024 đúng theo quy định hiện hành."),
                ],
            ),
            Item(
                title="Công an xã",
                children=[
                    Paragraph("Chỉ đạo lực lượng công an xã phối hợp với các cơ quan, đơn vị có liên quan phát hiện, can thiệp kịp thời và xử lý nghiêm minh tội phạm môi giới hôn nhân bất hợp pháp, các vụ bạo lực trên cơ sở giới, bạo lực gia đình và xâm hại đối với phụ nữ và trẻ em."),
                ],
            ),
            Item(
                title="Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã",
                children=[
                    Paragraph("Chỉ đạo các tổ chức thành viên trong phạm vi, chức năng, nhiệm vụ của mình tích cực tuyên truyền, vận động các cơ quan, đơn vị, doanh nghiệp và Nhân dân trên địa bàn xã hưởng ứng Tháng hành động, nhất là nam giới bằng các hoạt động cụ thể, thiết thực, hỗ trợ phụ nữ và trẻ em có hoàn cảnh khó khăn; tổ chức sinh hoạt chuyên đề về bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới."),
                ],
            ),
            Item(
                title="Đề nghị Hội Liên hiệp Phụ nữ xã",
                children=[
                    Dash("Triển khai nội dung kế hoạch đến các chi hội trên địa bàn xã; tổ chức các diễn đàn, hội nghị, hội thảo, tập huấn, truyền thông với nội dung: Đảm bảo an sinh xã hội, tăng quyền năng và tạo cơ hội cho phụ nữ và trẻ em gái nhằm thực hiện bình đẳng giới và xóa bỏ bạo lực trên cơ sở giới."),
                    Dash("Chỉ đạo, hướng dẫn các chi hội trên địa bàn xã quan tâm vận động nguồn lực để tổ chức thăm hỏi, động viên, tặng quà cho hội viên thuộc hộ nghèo, hội viên có hoàn cảnh khó khăn; hỗ trợ phụ nữ, trẻ em có hoàn cảnh khó khăn, là nạn nhân bị xâm hại, bạo lực, mua bán... tại cộng đồng."),
                ],
            ),
        ],
    ),
    Paragraph(["UBND xã đề nghị các phòng, ban, ngành, đoàn thể triển khai thực hiện. Trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh về UBND xã (", Span("qua Phòng Chính sách xã hội", italic=True),
               ") để phối hợp giải quyết./."]),
]

document = Document(
    type="ke-hoach",
    issuer=Issuer(name=["Ủy ban nhân dân", "xã Hoàng Kim"], abbreviation="UBND"),
    number=None,  # a draft: the registry (văn thư) writes the number when the plan is issued
    place="Hoàng Kim",
    date=IssueDate(year=2024, month=2),  # the day is left blank for the signer to fill in
    summary=(
        "Triển khai thực hiện công tác bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
        "trên cơ sở giới năm 2024"
    ),
    preamble=PREAMBLE,
    body=BODY,
    signatures=[
        Signature(
            mandates=[Mandate(SigningAuthority.TM, "Ủy ban nhân dân")],
            position="Chủ tịch",
            name="Lê Quang Thành",
        )
    ],
    recipients=[
        Recipient("Phòng Lao động - TBXH", note="b/c"),
        Recipient("TTr Đảng ủy- HĐND xã", note="b/c"),
        Recipient("Ủy ban MTTQ và các tổ chức đoàn thể cấp xã", note="t/h"),
        Recipient("Các phòng, ban, ngành cấp xã", note="t/h"),
    ],
    archive=Archive(),  # "- Lưu: VT." as in the seed, which names no drafting unit
)
