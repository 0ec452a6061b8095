package catalog

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"
)

// Word lists for synthetic items: real item vocabulary, so that queries hit
// as often as on a provincial list, not more rarely.
var (
	synSubjects = []struct{ zh, en string }{
		{"营业执照", "business licence"}, {"食品经营许可", "food business licence"}, {"社会保障卡", "social security card"},
		{"居住证", "residence permit"}, {"不动产", "real estate"}, {"住房公积金", "housing fund"},
		{"出生医学证明", "birth certificate"}, {"残疾人证", "disability certificate"}, {"机动车驾驶证", "driving licence"},
		{"教师资格", "teacher qualification"}, {"医师执业", "physician practice"}, {"公共场所卫生", "public venue hygiene"},
		{"排水许可", "drainage permit"}, {"建筑工程施工许可", "construction permit"}, {"道路运输经营", "road transport"},
		{"药品经营许可", "drug business licence"}, {"烟草专卖零售", "tobacco retail licence"}, {"人力资源服务", "HR service"},
		{"劳务派遣经营", "labour dispatch"}, {"民办学校办学", "private school"}, {"种子生产经营", "seed business"},
		{"动物防疫条件", "animal epidemic prevention"}, {"林木采伐", "logging permit"}, {"取水许可", "water abstraction"},
		{"排污许可", "pollutant discharge"}, {"特种设备使用", "special equipment use"}, {"户外广告设置", "outdoor advertising"},
		{"城市道路占用挖掘", "road excavation"}, {"燃气经营许可", "gas business licence"}, {"养老机构", "elderly care home"},
		{"失业保险金", "unemployment benefit"}, {"城乡居民养老保险", "residents' pension"}, {"医疗保险", "medical insurance"},
		{"婚姻登记", "marriage registration"}, {"最低生活保障", "minimum living allowance"}, {"高龄津贴", "old-age allowance"},
		{"就业创业证", "employment certificate"}, {"人事档案", "personnel file"}, {"发票", "invoice"}, {"纳税记录", "tax record"},
		{"出版物零售", "publication retail"}, {"网吧经营", "internet cafe"}, {"娱乐场所", "entertainment venue"},
		{"旅行社设立", "travel agency"}, {"诊所", "clinic"}, {"护士执业", "nurse practice"}, {"母婴保健技术", "maternal care"},
		{"放射诊疗", "radiology"}, {"消防安全检查", "fire safety inspection"}, {"印章刻制", "seal engraving"},
	}
	synActions = []struct{ zh, en string }{
		{"设立登记", "establishment"}, {"变更登记", "change"}, {"注销登记", "deregistration"}, {"延续", "renewal"},
		{"补领", "replacement"}, {"换领", "reissue"}, {"申领", "application"}, {"核发", "issue"}, {"备案", "filing"},
		{"审批", "approval"}, {"认定", "recognition"}, {"提取", "withdrawal"}, {"转移", "transfer"}, {"查询", "search"},
		{"年检", "annual check"}, {"首次登记", "first registration"},
	}
	synQualifiers = []string{"", "", "", "（个人）", "（企业）", "（长安区）", "（新办）", "（跨省通办）", "（重新申请）", "（银行代办）"}
	synKeywords   = []string{"执照", "工商", "开公司", "社保卡", "医保", "公积金", "房产证", "过户", "驾照", "年审",
		"低保", "结婚", "出生证", "残疾证", "教资", "落户", "身份证", "发票", "开店", "退休"}
)

// syntheticCatalog builds n valid items from the word lists, deterministically.
func syntheticCatalog(tb testing.TB, n int) *Catalog {
	tb.Helper()
	c := validCatalog()
	base := c.Items[1]
	r := rand.New(rand.NewPCG(1, 2))
	c.Items = make([]Item, n)
	for i := range c.Items {
		s := synSubjects[r.IntN(len(synSubjects))]
		a := synActions[r.IntN(len(synActions))]
		it := base
		it.Code = fmt.Sprintf("130102-SYN-%05d", i)
		it.NameZH = s.zh + a.zh + synQualifiers[r.IntN(len(synQualifiers))]
		it.NameEN = s.en + " " + a.en
		it.Keywords = []string{synKeywords[r.IntN(len(synKeywords))], synKeywords[r.IntN(len(synKeywords))]}
		c.Items[i] = it
	}
	if err := c.Validate(); err != nil {
		tb.Fatal(err)
	}
	return c
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSearch10k measures one query over 10,000 items, for queries of
// every kind from very selective to matching nearly everything. The target
// is under 1 ms per query.
func BenchmarkSearch10k(b *testing.B) {
	c := syntheticCatalog(b, 10000)
	for _, q := range []string{
		"yyzz",             // initials, common
		"营业执照",             // Chinese, common
		"yingyezhizhao",    // full pinyin
		"gongjijin tiqu",   // two pinyin words
		"business licence", // English phrase
		"130102-SYN-04711", // code
		"sbk",              // keyword initials
		"证",                // one hanzi: thousands of hits
		"z",                // one letter: nearly everything
		"qxzqxz",           // nothing
	} {
		b.Run(q, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				c.Search(q, 20)
			}
			// The machine is shared: CPU time per query is steadier than
			// ns/op when other builds compete for the cores.
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}
