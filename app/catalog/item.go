// Package catalog holds the service items (事项) a center offers: what each
// needs, how long it takes, which form to fill and where to go, and the
// search that lets a citizen find one by words, pinyin or initials.
package catalog

// Type is the legal type of a service item, as the provincial list names it.
type Type string

// The item types of the provincial list.
const (
	TypeLicense      Type = "许可"   // administrative licensing
	TypeFiling       Type = "备案"   // filing
	TypeConfirmation Type = "确认"   // confirmation
	TypeAdjudication Type = "裁决"   // adjudication
	TypePayment      Type = "给付"   // payment
	TypeAward        Type = "奖励"   // award
	TypeOther        Type = "其他"   // other power
	TypePublic       Type = "公共服务" // public service
)

// Types lists every valid item type in the order of the provincial list.
var Types = []Type{TypeLicense, TypeFiling, TypeConfirmation, TypeAdjudication,
	TypePayment, TypeAward, TypeOther, TypePublic}

// FieldKind says how a form field is entered and checked.
type FieldKind string

// The field kinds a form may use.
const (
	KindText       FieldKind = "text"
	KindIDNumber   FieldKind = "id_number"
	KindCreditCode FieldKind = "credit_code"
	KindPhone      FieldKind = "phone"
	KindDate       FieldKind = "date"
	KindChoice     FieldKind = "choice"
	KindNumber     FieldKind = "number"
)

// FieldKinds lists every valid field kind.
var FieldKinds = []FieldKind{KindText, KindIDNumber, KindCreditCode, KindPhone,
	KindDate, KindChoice, KindNumber}

// Reserved field keys. Every item asks for the applicant (or the agent of a
// company) by these keys, so cases can be found by name, phone and ID tail
// whatever the item.
const (
	FieldName     = "name"
	FieldIDNumber = "id_number"
	FieldPhone    = "phone"
)

// Catalog is one published version of a center's service items.
type Catalog struct {
	Version     int          `json:"version"`
	Center      Center       `json:"center"`
	Departments []Department `json:"departments"`
	Categories  []Category   `json:"categories"`
	Items       []Item       `json:"items"`

	index *index // built by Load; search and lookups use it
}

// Center names the service center the catalog belongs to.
type Center struct {
	Code   string `json:"code"` // administrative division code, e.g. 130102
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
	// AddressZH and AddressEN say where the center is, for printed notices.
	AddressZH string `json:"address_zh"`
	AddressEN string `json:"address_en"`
	// Phone is the center's public enquiry line (printed on receipts).
	Phone string `json:"phone"`
	// Website is where citizens look up progress online.
	Website string `json:"website"`
}

// Department is a government department that handles items at the center.
type Department struct {
	Code       string `json:"code"`
	NameZH     string `json:"name_zh"`
	NameEN     string `json:"name_en"`
	LocationZH string `json:"location_zh"` // e.g. 二楼 B 区
	LocationEN string `json:"location_en"`
}

// Category groups items on the kiosk's first screen.
type Category struct {
	Code   string `json:"code"`
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
	Icon   string `json:"icon"` // name of an icon in assets/icons, without extension
}

// Item is one service item (事项).
type Item struct {
	Code       string `json:"code"`
	NameZH     string `json:"name_zh"`
	NameEN     string `json:"name_en"`
	Department string `json:"department"` // Department.Code
	Category   string `json:"category"`   // Category.Code
	Type       Type   `json:"type"`
	// LegalDays and PromisedDays are working days: the limit the law sets and
	// the shorter one the center promises.
	LegalDays    int `json:"legal_days"`
	PromisedDays int `json:"promised_days"`
	// FeeFen is the fee in fen (0.01 yuan); 0 means free.
	FeeFen    int64      `json:"fee_fen"`
	FeeNoteZH string     `json:"fee_note_zh,omitempty"`
	FeeNoteEN string     `json:"fee_note_en,omitempty"`
	Materials []Material `json:"materials"`
	Fields    []Field    `json:"fields"`
	Queue     string     `json:"queue"`   // queue category letter, A–Z
	Windows   []string   `json:"windows"` // counter windows that handle it
	// Keywords are extra words a citizen might search by (colloquial names).
	Keywords []string `json:"keywords,omitempty"`
	// BasisZH is the legal basis, shown in the guide.
	BasisZH string `json:"basis_zh,omitempty"`
}

// Material is a document the applicant brings.
type Material struct {
	NameZH   string `json:"name_zh"`
	NameEN   string `json:"name_en"`
	Original bool   `json:"original"` // true: the original; false: a copy
	Count    int    `json:"count"`
	Required bool   `json:"required"`
	NoteZH   string `json:"note_zh,omitempty"`
	NoteEN   string `json:"note_en,omitempty"`
}

// Field is one entry of an item's application form.
type Field struct {
	Key      string    `json:"key"`
	LabelZH  string    `json:"label_zh"`
	LabelEN  string    `json:"label_en"`
	Kind     FieldKind `json:"kind"`
	Required bool      `json:"required"`
	Choices  []string  `json:"choices,omitempty"` // for KindChoice
	// ChoicesEN are the English labels of Choices, index for index; absent
	// means the kiosk shows the Chinese choices in English mode too. A case
	// always stores the Chinese choice: it is what the platform and the
	// counter read.
	ChoicesEN []string `json:"choices_en,omitempty"`
	// MaxLen bounds a text field in characters; 0 takes the kind's default.
	// The bound keeps every receipt inside its QR code.
	MaxLen int `json:"max_len,omitempty"`
	// Past marks a date that cannot be later than today: a birth, an
	// injury, the day someone left a job.
	Past bool `json:"past,omitempty"`
}
