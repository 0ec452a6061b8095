package catalog

import "testing"

func TestFieldLimit(t *testing.T) {
	tests := []struct {
		f    Field
		want int
	}{
		{Field{Kind: KindText}, 20},
		{Field{Kind: KindText, MaxLen: 30}, 30},
		{Field{Kind: KindIDNumber}, 18},
		{Field{Kind: KindCreditCode}, 18},
		{Field{Kind: KindPhone}, 11},
		{Field{Kind: KindDate}, 10},
		{Field{Kind: KindNumber}, 12},
		{Field{Kind: KindNumber, MaxLen: 4}, 4},
		{Field{Kind: KindChoice, Choices: []string{"名称", "法定代表人", "ab"}}, 5},
	}
	for _, tt := range tests {
		if got := tt.f.Limit(); got != tt.want {
			t.Errorf("%+v.Limit() = %d, want %d", tt.f, got, tt.want)
		}
	}
}

func TestValidKey(t *testing.T) {
	for k, want := range map[string]bool{
		"name": true, "id_number": true, "credit_code": true, "a1": true, "house_addr_2": true,
		"abcdefghijklmnop": true, "abcdefghijklmnopq": false, // 16 is the most
		"": false, "Name": false, "_a": false, "a_": false, "a__b": false, "1a": false,
		"a-b": false, "a b": false, "名称": false,
	} {
		if got := validKey(k); got != want {
			t.Errorf("validKey(%q) = %v, want %v", k, got, want)
		}
	}
}

func TestChoiceEN(t *testing.T) {
	labelled := Field{Kind: KindChoice, Choices: []string{"名称", "住所"}, ChoicesEN: []string{"Name", "Domicile"}}
	bare := Field{Kind: KindChoice, Choices: []string{"名称", "住所"}}
	tests := []struct {
		f     Field
		value string
		want  string
	}{
		{labelled, "住所", "Domicile"},
		{labelled, "名称", "Name"},
		{labelled, "经营范围", "经营范围"}, // not a choice: shown as stored
		{labelled, "", ""},
		{bare, "住所", "住所"}, // no English labels: the Chinese choice
	}
	for _, tt := range tests {
		if got := tt.f.ChoiceEN(tt.value); got != tt.want {
			t.Errorf("%v.ChoiceEN(%q) = %q, want %q", tt.f.ChoicesEN, tt.value, got, tt.want)
		}
	}
}

func TestChoiceValue(t *testing.T) {
	labelled := Field{Kind: KindChoice, Choices: []string{"名称", "住所"}, ChoicesEN: []string{"Name", "Domicile"}}
	bare := Field{Kind: KindChoice, Choices: []string{"名称", "住所"}}
	tests := []struct {
		f      Field
		input  string
		want   string
		wantOK bool
	}{
		{labelled, "住所", "住所", true},
		{labelled, "Domicile", "住所", true},
		{labelled, "domicile", "住所", true}, // letter case does not matter
		{labelled, "Address", "", false},
		{labelled, "", "", false},
		{bare, "名称", "名称", true},
		{bare, "Name", "", false}, // no English labels to match
	}
	for _, tt := range tests {
		got, ok := tt.f.ChoiceValue(tt.input)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%v.ChoiceValue(%q) = %q, %v; want %q, %v", tt.f.ChoicesEN, tt.input, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestLength(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"A04", 3},
		{"张三", 2},
		{"王㐀", 3},  // 㐀 (Extension A) is four bytes in GB18030
		{"刘䶮", 2},  // 䶮 is one of the few with two
		{"𠮷野家", 4}, // 𠮷 (Extension B) too
		{"Zhang 三", 7},
		{"\xff", 2}, // invalid UTF-8 counts as the worst
	}
	for _, tt := range tests {
		if got := Length(tt.s); got != tt.want {
			t.Errorf("Length(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}
