package catalog

import (
	"errors"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	c, err := Parse(mustJSON(t, validCatalog()))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if c.Version != 3 || len(c.Items) != 2 || c.index == nil {
		t.Fatalf("Parse returned %+v", c)
	}
}

// TestParseRefusesBrokenCatalogs breaks one rule per case and checks the
// sentinel, the JSON field and that the one sentence names what is wrong.
func TestParseRefusesBrokenCatalogs(t *testing.T) {
	const item0 = "item 130102-SCJG-003 (营业执照变更登记)"
	fieldAt := func(c *Catalog, key string) *Field {
		for i := range c.Items[0].Fields {
			if c.Items[0].Fields[i].Key == key {
				return &c.Items[0].Fields[i]
			}
		}
		panic(key)
	}
	tests := []struct {
		name   string
		break_ func(c *Catalog)
		err    error
		where  string // the thing the sentence must name; "" for the catalog
		field  string // the JSON path it must name
	}{
		{"version zero", func(c *Catalog) { c.Version = 0 }, ErrVersion, "", "version"},
		{"center code short", func(c *Catalog) { c.Center.Code = "13010" }, ErrCenter, "", "center.code"},
		{"center code letters", func(c *Catalog) { c.Center.Code = "13O102" }, ErrCenter, "", "center.code"},
		{"center name", func(c *Catalog) { c.Center.NameZH = " " }, ErrCenter, "", "center.name_zh"},
		{"no departments", func(c *Catalog) { c.Departments = nil }, ErrEmpty, "", "departments"},
		{"duplicate department", func(c *Catalog) { c.Departments[1].Code = "SCJG" }, ErrDuplicate, "department SCJG (住房公积金管理中心)", "code"},
		{"department code", func(c *Catalog) { c.Departments[0].Code = "SC JG" }, ErrCode, "department SC JG (市场监督管理局)", "code"},
		{"department name", func(c *Catalog) { c.Departments[0].NameZH = "" }, ErrEmpty, "department SCJG (no name)", "name_zh"},
		{"duplicate category", func(c *Catalog) { c.Categories[1].Code = "business" }, ErrDuplicate, "category business (住房公积金)", "code"},
		{"empty category code", func(c *Catalog) { c.Categories[0].Code = "" }, ErrEmpty, "category #1", "code"},
		{"no items", func(c *Catalog) { c.Items = nil }, ErrEmpty, "", "items"},
		{"duplicate item", func(c *Catalog) { c.Items[1].Code = c.Items[0].Code }, ErrDuplicate, "item 130102-SCJG-003 (住房公积金提取（租房）)", "code"},
		{"empty item code", func(c *Catalog) { c.Items[0].Code = "" }, ErrEmpty, "item #1 (营业执照变更登记)", "code"},
		{"item code space", func(c *Catalog) { c.Items[0].Code = "130102 SCJG" }, ErrCode, "item 130102 SCJG (营业执照变更登记)", "code"},
		{"item name", func(c *Catalog) { c.Items[0].NameZH = "" }, ErrEmpty, "item 130102-SCJG-003 (no name)", "name_zh"},
		{"unknown department", func(c *Catalog) { c.Items[0].Department = "SWJ" }, ErrReference, item0, "department"},
		{"unknown category", func(c *Catalog) { c.Items[0].Category = "tax" }, ErrReference, item0, "category"},
		{"type", func(c *Catalog) { c.Items[0].Type = "许可证" }, ErrType, item0, "type"},
		{"legal days zero", func(c *Catalog) { c.Items[0].LegalDays = 0 }, ErrDays, item0, "legal_days"},
		{"promised days zero", func(c *Catalog) { c.Items[0].PromisedDays = 0 }, ErrDays, item0, "promised_days"},
		{"promised over legal", func(c *Catalog) { c.Items[0].PromisedDays = 20 }, ErrDays, item0, "promised_days"},
		{"fee negative", func(c *Catalog) { c.Items[0].FeeFen = -1 }, ErrFee, item0, "fee_fen"},
		{"no materials", func(c *Catalog) { c.Items[0].Materials = nil }, ErrMaterial, item0, "materials"},
		{"material count", func(c *Catalog) { c.Items[0].Materials[0].Count = 0 }, ErrMaterial, item0, "materials[0].count"},
		{"material name", func(c *Catalog) { c.Items[0].Materials[0].NameZH = "" }, ErrMaterial, item0, "materials[0].name_zh"},
		{"key upper case", func(c *Catalog) { fieldAt(c, "company").Key = "Company" }, ErrFieldKey, item0, "fields[3].key"},
		{"key too long", func(c *Catalog) { fieldAt(c, "company").Key = "company_name_long" }, ErrFieldKey, item0, "fields[3].key"},
		{"key double underscore", func(c *Catalog) { fieldAt(c, "company").Key = "company__name" }, ErrFieldKey, item0, "fields[3].key"},
		{"key trailing underscore", func(c *Catalog) { fieldAt(c, "company").Key = "company_" }, ErrFieldKey, item0, "fields[3].key"},
		{"key digit first", func(c *Catalog) { fieldAt(c, "company").Key = "1company" }, ErrFieldKey, item0, "fields[3].key"},
		{"key duplicate", func(c *Catalog) { fieldAt(c, "credit_code").Key = "company" }, ErrDuplicate, item0, "fields[4].key"},
		{"label", func(c *Catalog) { fieldAt(c, "company").LabelZH = "" }, ErrEmpty, item0, "fields[3].label_zh"},
		{"no phone", func(c *Catalog) { c.Items[0].Fields = c.Items[0].Fields[:2] }, ErrReserved, item0, `fields has no "phone" field`},
		{"name kind", func(c *Catalog) {
			fieldAt(c, "name").Kind = KindChoice
			fieldAt(c, "name").Choices = []string{"a", "b"}
			fieldAt(c, "name").MaxLen = 0
		},
			ErrReserved, item0, "fields[0].kind"},
		{"id not required", func(c *Catalog) { fieldAt(c, "id_number").Required = false }, ErrReserved, item0, "fields[1].required"},
		{"kind unknown", func(c *Catalog) { fieldAt(c, "company").Kind = "email" }, ErrFieldKind, item0, "fields[3].kind"},
		{"one choice", func(c *Catalog) { fieldAt(c, "change").Choices = []string{"名称"} }, ErrChoices, item0, "fields[5].choices"},
		{"blank choice", func(c *Catalog) { fieldAt(c, "change").Choices[1] = " " }, ErrChoices, item0, "fields[5].choices[1]"},
		{"duplicate choice", func(c *Catalog) { fieldAt(c, "change").Choices[2] = "名称" }, ErrDuplicate, item0, "fields[5].choices[2]"},
		{"text with choices", func(c *Catalog) { fieldAt(c, "company").Choices = []string{"a", "b"} }, ErrChoices, item0, "fields[3].choices"},
		{"choices_en short", func(c *Catalog) { fieldAt(c, "change").ChoicesEN = []string{"Name", "Domicile"} }, ErrChoices, item0, "fields[5].choices_en"},
		{"choices_en long", func(c *Catalog) { fieldAt(c, "change").ChoicesEN = append(fieldAt(c, "change").ChoicesEN, "Scope") }, ErrChoices, item0, "fields[5].choices_en"},
		{"choices_en blank", func(c *Catalog) { fieldAt(c, "change").ChoicesEN[1] = " " }, ErrChoices, item0, "fields[5].choices_en[1]"},
		{"choices_en too long", func(c *Catalog) { fieldAt(c, "change").ChoicesEN[2] = strings.Repeat("x", MaxChoiceENLen+1) }, ErrChoices, item0, "fields[5].choices_en[2]"},
		{"text with choices_en", func(c *Catalog) { fieldAt(c, "company").ChoicesEN = []string{"a", "b"} }, ErrChoices, item0, "fields[3].choices_en"},
		{"text too long", func(c *Catalog) { fieldAt(c, "company").MaxLen = 41 }, ErrMaxLen, item0, "fields[3].max_len"},
		{"text negative", func(c *Catalog) { fieldAt(c, "company").MaxLen = -1 }, ErrMaxLen, item0, "fields[3].max_len"},
		{"phone max_len", func(c *Catalog) { fieldAt(c, "phone").MaxLen = 12 }, ErrMaxLen, item0, "fields[2].max_len"},
		{"choice max_len", func(c *Catalog) { fieldAt(c, "change").MaxLen = 5 }, ErrMaxLen, item0, "fields[5].max_len"},
		{"number too long", func(c *Catalog) { c.Items[1].Fields[3].MaxLen = 19 }, ErrMaxLen, "item 130102-GJJ-001 (住房公积金提取（租房）)", "fields[3].max_len"},
		{"queue lower", func(c *Catalog) { c.Items[0].Queue = "a" }, ErrQueue, item0, "queue"},
		{"queue two", func(c *Catalog) { c.Items[0].Queue = "AB" }, ErrQueue, item0, "queue"},
		{"queue empty", func(c *Catalog) { c.Items[0].Queue = "" }, ErrQueue, item0, "queue"},
		{"no windows", func(c *Catalog) { c.Items[0].Windows = nil }, ErrWindow, item0, "windows"},
		{"blank window", func(c *Catalog) { c.Items[0].Windows[1] = "" }, ErrWindow, item0, "windows[1]"},
		{"duplicate window", func(c *Catalog) { c.Items[0].Windows[1] = "A01" }, ErrDuplicate, item0, "windows[1]"},
		{"blank keyword", func(c *Catalog) { c.Items[0].Keywords[1] = "  " }, ErrEmpty, item0, "keywords[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCatalog()
			tt.break_(c)
			_, err := Parse(mustJSON(t, c))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err %T is not a *ValidationError", err)
			}
			msg := err.Error()
			want := "catalog: "
			if tt.where != "" {
				want = "catalog " + tt.where + ": "
			}
			if !strings.HasPrefix(msg, want) {
				t.Errorf("message %q does not start with %q", msg, want)
			}
			if !strings.Contains(msg, ": "+tt.field) {
				t.Errorf("message %q does not name the field %q", msg, tt.field)
			}
			if !strings.HasSuffix(msg, ".") || strings.Contains(msg, "\n") {
				t.Errorf("message %q is not one sentence", msg)
			}
			if strings.HasPrefix(tt.where, "item ") && ve.ItemCode != c.Items[0].Code && ve.ItemCode != c.Items[1].Code {
				t.Errorf("ItemCode = %q", ve.ItemCode)
			}
		})
	}
}

func TestPromisedDaysSentence(t *testing.T) {
	c := validCatalog()
	c.Items[0].PromisedDays = 20
	_, err := Parse(mustJSON(t, c))
	const want = "catalog item 130102-SCJG-003 (营业执照变更登记): promised_days 20 is more than legal_days 15; set promised_days to 15 or less."
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant  %s", err, want)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.ItemCode != "130102-SCJG-003" || ve.Field != "promised_days" {
		t.Fatalf("ValidationError = %+v", ve)
	}
}

// TestChoicesENSentence pins the whole sentence of a length mismatch: it
// names the item, the field key and both counts.
func TestChoicesENSentence(t *testing.T) {
	c := validCatalog()
	c.Items[0].Fields[5].ChoicesEN = []string{"Name", "Domicile"}
	_, err := Parse(mustJSON(t, c))
	const want = "catalog item 130102-SCJG-003 (营业执照变更登记): fields[5].choices_en of \"change\" has 2 entries but choices has 3; " +
		"give one English label per choice, in the same order, or remove choices_en."
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant  %s", err, want)
	}
}

// TestChoicesENEmptyList: "choices_en": [] is present, so it must match
// choices too (json.Marshal would drop it, so the JSON is edited by hand).
func TestChoicesENEmptyList(t *testing.T) {
	c := validCatalog()
	data := string(mustJSON(t, c))
	labels := `"choices_en":["Name","Domicile","Legal representative"]`
	if !strings.Contains(data, labels) {
		t.Fatalf("sample JSON lacks %s", labels)
	}
	_, err := Parse([]byte(strings.Replace(data, labels, `"choices_en":[]`, 1)))
	if !errors.Is(err, ErrChoices) || !strings.Contains(err.Error(), "fields[5].choices_en") {
		t.Fatalf("err = %v, want ErrChoices naming fields[5].choices_en", err)
	}
}

func TestValidateBuildsIndex(t *testing.T) {
	c := validCatalog()
	if _, ok := c.Item("130102-GJJ-001"); !ok {
		t.Fatal("lookup before Validate should scan")
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.index == nil {
		t.Fatal("Validate did not build the index")
	}
}
