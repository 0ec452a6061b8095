package ime

// surnames are the hundred most common family names in mainland China,
// most common first (the Ministry of Public Security's 2020 household
// registration count). They come first for name fields: the first
// character a citizen types into 姓名 is almost always one of them.
var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤")

// givenNames are characters common in given names, which general text
// seldom uses as often (娜 after 那 and 拿 by frequency, 婷 after 停):
// in name fields they come right after the family names, so the second and
// third characters of a name are on the first page too. Drawn from the
// characters the 2020 household registration count lists most in given
// names; order within the list does not rank them (frequency does).
var givenNames = []rune("英华玉秀明珍文芳兰军平建国海红志金林丽春云强德杰伟敏静燕霞娟艳娜磊涛超勇刚辉鹏浩宇婷雪梅琳颖欣悦涵轩梓子雨晨思怡佳嘉俊博宏洁玲凤荣亮波斌飞峰鑫然晶倩萍慧琴瑞琪晓东新永生成龙桂淑凯鸿毅彬健丹蕾薇莉媛妍琦璐瑶萱蓉琼馨茜昊睿泽豪翔诚铭琛瑾烨")

// surnameReadings are the family names read, as names, by a reading other
// than their first in go-pinyin: 曾 is céng first but Zēng as a name, and
// 覃 is Tán or Qín. Every other surname above comes first only under its
// first reading, so 方 (fāng) does not come first for wang, nor 邓 for
// shan, nor 石 for dan.
var surnameReadings = map[rune]string{'曾': "zeng", '覃': "qin"}

// readAsSurname reports whether candidate c, listed under syl, is a
// family name read syl.
func readAsSurname(c candidate, syl string) bool {
	return c.reading == 0 || surnameReadings[c.r] == syl
}
