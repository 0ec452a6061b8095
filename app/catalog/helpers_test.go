package catalog

import (
	"encoding/json"
	"testing"
)

// validCatalog returns a small catalog that passes every rule; tests break
// one thing at a time.
func validCatalog() *Catalog {
	person := []Field{
		{Key: "name", LabelZH: "申请人姓名", LabelEN: "Name", Kind: KindText, Required: true, MaxLen: 10},
		{Key: "id_number", LabelZH: "身份证号码", LabelEN: "ID number", Kind: KindIDNumber, Required: true},
		{Key: "phone", LabelZH: "手机号码", LabelEN: "Phone", Kind: KindPhone, Required: true},
	}
	return &Catalog{
		Version: 3,
		Center:  Center{Code: "130102", NameZH: "石家庄市长安区政务服务中心", NameEN: "Chang'an Center"},
		Departments: []Department{
			{Code: "SCJG", NameZH: "市场监督管理局", NameEN: "Market Regulation"},
			{Code: "GJJ", NameZH: "住房公积金管理中心", NameEN: "Housing Fund"},
		},
		Categories: []Category{
			{Code: "business", NameZH: "企业开办与经营", NameEN: "Business"},
			{Code: "housing_fund", NameZH: "住房公积金", NameEN: "Housing fund"},
		},
		Items: []Item{{
			Code: "130102-SCJG-003", NameZH: "营业执照变更登记", NameEN: "Business licence change registration",
			Department: "SCJG", Category: "business", Type: TypeLicense, LegalDays: 15, PromisedDays: 1,
			Materials: []Material{{NameZH: "变更登记申请书", NameEN: "Application form", Original: true, Count: 1, Required: true}},
			Fields: append(append([]Field{}, person...),
				Field{Key: "company", LabelZH: "企业名称", LabelEN: "Company", Kind: KindText, Required: true, MaxLen: 30},
				Field{Key: "credit_code", LabelZH: "统一社会信用代码", LabelEN: "Credit code", Kind: KindCreditCode, Required: true},
				Field{Key: "change", LabelZH: "变更事项", LabelEN: "Change", Kind: KindChoice, Required: true,
					Choices: []string{"名称", "住所", "法定代表人"}, ChoicesEN: []string{"Name", "Domicile", "Legal representative"}}),
			Queue: "A", Windows: []string{"A01", "A02"}, Keywords: []string{"营业执照", "执照"},
		}, {
			Code: "130102-GJJ-001", NameZH: "住房公积金提取（租房）", NameEN: "Housing fund withdrawal for rent",
			Department: "GJJ", Category: "housing_fund", Type: TypePublic, LegalDays: 3, PromisedDays: 1,
			Materials: []Material{{NameZH: "居民身份证", NameEN: "ID card", Original: true, Count: 1, Required: true}},
			Fields: append(append([]Field{}, person...),
				Field{Key: "amount", LabelZH: "提取金额", LabelEN: "Amount", Kind: KindNumber, Required: true, MaxLen: 8}),
			Queue: "E", Windows: []string{"E01"}, Keywords: []string{"公积金"},
		}},
	}
}

// mustJSON marshals c for Parse.
func mustJSON(t testing.TB, c *Catalog) []byte {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
