package catalog

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Bounds a catalog must keep. They are far above any real list (Hebei's has
// 1,638 items) and exist so a broken download cannot exhaust a kiosk.
const (
	MaxItems        = 20000
	MaxDepartments  = 1000
	MaxCategories   = 200
	MaxMaterials    = 60
	MaxFields       = 40
	MaxChoices      = 50
	MaxWindows      = 60
	MaxKeywords     = 60
	MaxCodeLen      = 40  // department, category and item codes
	MaxDays         = 365 // legal time limit in working days
	MaxMaterialCopy = 99  // copies of one material
	MaxFeeFen       = 100_000_000
)

// validate applies every rule and returns the first violation.
func validate(c *Catalog) error {
	if c.Version < 1 {
		return catalogErr("version", ErrVersion, "%d is less than 1; set version to 1 or more.", c.Version)
	}
	if err := validateCenter(&c.Center); err != nil {
		return err
	}
	depts, err := validateGroups("department", "departments", len(c.Departments), MaxDepartments,
		func(i int) (string, string) { return c.Departments[i].Code, c.Departments[i].NameZH })
	if err != nil {
		return err
	}
	cats, err := validateGroups("category", "categories", len(c.Categories), MaxCategories,
		func(i int) (string, string) { return c.Categories[i].Code, c.Categories[i].NameZH })
	if err != nil {
		return err
	}
	if len(c.Items) == 0 {
		return catalogErr("items", ErrEmpty, "is empty; a catalog needs at least one item.")
	}
	if len(c.Items) > MaxItems {
		return catalogErr("items", ErrTooMany, "has %d entries, more than %d; split the catalog.", len(c.Items), MaxItems)
	}
	seen := make(map[string]int, len(c.Items))
	for i := range c.Items {
		it := &c.Items[i]
		if err := validateItem(i, it, depts, cats); err != nil {
			return err
		}
		if j, dup := seen[it.Code]; dup {
			return itemErr(i, it, "code", ErrDuplicate, "is also the code of item #%d (%s); give every item its own code.",
				j+1, c.Items[j].NameZH)
		}
		seen[it.Code] = i
	}
	return nil
}

func validateCenter(ce *Center) error {
	if len(ce.Code) != 6 || strings.Trim(ce.Code, "0123456789") != "" {
		return catalogErr("center.code", ErrCenter, "%q is not a 6-digit division code; use the center's code such as 130102.", ce.Code)
	}
	if blank(ce.NameZH) {
		return catalogErr("center.name_zh", ErrCenter, "is empty; give the center's Chinese name.")
	}
	return nil
}

// validateGroups checks the codes and names of departments or categories and
// returns the set of codes.
func validateGroups(what, list string, n, limit int, get func(int) (code, name string)) (map[string]bool, error) {
	if n == 0 {
		return nil, catalogErr(list, ErrEmpty, "is empty; a catalog needs at least one %s.", what)
	}
	if n > limit {
		return nil, catalogErr(list, ErrTooMany, "has %d entries, more than %d.", n, limit)
	}
	codes := make(map[string]bool, n)
	for i := range n {
		code, name := get(i)
		where := fmt.Sprintf("%s #%d", what, i+1)
		if code != "" {
			label := name
			if blank(label) {
				label = "no name"
			}
			where = fmt.Sprintf("%s %s (%s)", what, code, label)
		}
		if detail, sentinel := checkCode(code); sentinel != nil {
			return nil, &ValidationError{Where: where, Field: "code", Err: sentinel, Detail: detail}
		}
		if blank(name) {
			return nil, &ValidationError{Where: where, Field: "name_zh", Err: ErrEmpty,
				Detail: "is empty; give the Chinese name."}
		}
		if codes[code] {
			return nil, &ValidationError{Where: where, Field: "code", Err: ErrDuplicate,
				Detail: fmt.Sprintf("%q is used by another %s; give every %s its own code.", code, what, what)}
		}
		codes[code] = true
	}
	return codes, nil
}

// checkCode refuses codes that would be awkward in a file name, a URL or a
// printed receipt. It returns the rest of the sentence and the sentinel, or
// a nil sentinel.
func checkCode(code string) (detail string, sentinel error) {
	if code == "" {
		return "is empty; give it a code.", ErrEmpty
	}
	if len(code) > MaxCodeLen {
		return fmt.Sprintf("is %d characters long, more than %d; shorten it.", len(code), MaxCodeLen), ErrCode
	}
	for _, r := range code {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Sprintf("%q has the character %q; use letters, digits, '-', '_' and '.' only.", code, r), ErrCode
		}
	}
	return "", nil
}

func validateItem(i int, it *Item, depts, cats map[string]bool) error {
	if detail, sentinel := checkCode(it.Code); sentinel != nil {
		return itemErr(i, it, "code", sentinel, "%s", detail)
	}
	e := func(field string, sentinel error, detail string, args ...any) error {
		return itemErr(i, it, field, sentinel, detail, args...)
	}
	switch {
	case blank(it.NameZH):
		return e("name_zh", ErrEmpty, "is empty; give the item's Chinese name.")
	case it.Department == "":
		return e("department", ErrEmpty, "is empty; name the department that handles the item.")
	case !depts[it.Department]:
		return e("department", ErrReference, "%q is not among the catalog's departments; add it or fix the code.", it.Department)
	case it.Category == "":
		return e("category", ErrEmpty, "is empty; name the item's category.")
	case !cats[it.Category]:
		return e("category", ErrReference, "%q is not among the catalog's categories; add it or fix the code.", it.Category)
	case !slices.Contains(Types, it.Type):
		return e("type", ErrType, "%q is not an item type; use one of %s.", it.Type, joinTypes())
	case it.LegalDays < 1 || it.LegalDays > MaxDays:
		return e("legal_days", ErrDays, "%d is not between 1 and %d; set the legal time limit in working days.", it.LegalDays, MaxDays)
	case it.PromisedDays < 1:
		return e("promised_days", ErrDays, "%d is less than 1; set promised_days to 1 (handled at once) or more.", it.PromisedDays)
	case it.PromisedDays > it.LegalDays:
		return e("promised_days", ErrDays, "%d is more than legal_days %d; set promised_days to %d or less.",
			it.PromisedDays, it.LegalDays, it.LegalDays)
	case it.FeeFen < 0:
		return e("fee_fen", ErrFee, "%d is negative; set the fee in fen, 0 if free.", it.FeeFen)
	case it.FeeFen > MaxFeeFen:
		return e("fee_fen", ErrFee, "%d is more than %d fen; check the unit is fen (0.01 yuan).", it.FeeFen, MaxFeeFen)
	case len(it.Queue) != 1 || it.Queue[0] < 'A' || it.Queue[0] > 'Z':
		return e("queue", ErrQueue, "%q is not one capital letter; use a letter A to Z.", it.Queue)
	}
	if err := validateMaterials(i, it); err != nil {
		return err
	}
	if err := validateFields(i, it); err != nil {
		return err
	}
	return validateLists(i, it)
}

func validateMaterials(i int, it *Item) error {
	if len(it.Materials) == 0 {
		return itemErr(i, it, "materials", ErrMaterial, "is empty; list at least one material, such as the applicant's ID card.")
	}
	if len(it.Materials) > MaxMaterials {
		return itemErr(i, it, "materials", ErrTooMany, "has %d entries, more than %d.", len(it.Materials), MaxMaterials)
	}
	for j, m := range it.Materials {
		switch {
		case blank(m.NameZH):
			return itemErr(i, it, fmt.Sprintf("materials[%d].name_zh", j), ErrMaterial, "is empty; name the material.")
		case m.Count < 1 || m.Count > MaxMaterialCopy:
			return itemErr(i, it, fmt.Sprintf("materials[%d].count", j), ErrMaterial,
				"%d (%s) is not between 1 and %d; set how many copies to bring.", m.Count, m.NameZH, MaxMaterialCopy)
		}
	}
	return nil
}

// validateLists checks windows and keywords.
func validateLists(i int, it *Item) error {
	if len(it.Windows) == 0 {
		return itemErr(i, it, "windows", ErrWindow, "is empty; name at least one counter window, such as A03.")
	}
	if len(it.Windows) > MaxWindows {
		return itemErr(i, it, "windows", ErrTooMany, "has %d entries, more than %d.", len(it.Windows), MaxWindows)
	}
	for j, w := range it.Windows {
		field := fmt.Sprintf("windows[%d]", j)
		switch {
		case blank(w) || w != strings.TrimSpace(w) || utf8.RuneCountInString(w) > 16:
			return itemErr(i, it, field, ErrWindow, "%q is not a window name; use a short name such as A03 with no spaces around it.", w)
		case slices.Index(it.Windows, w) != j:
			return itemErr(i, it, field, ErrDuplicate, "%q is listed twice; list each window once.", w)
		}
	}
	if len(it.Keywords) > MaxKeywords {
		return itemErr(i, it, "keywords", ErrTooMany, "has %d entries, more than %d.", len(it.Keywords), MaxKeywords)
	}
	for j, k := range it.Keywords {
		if blank(k) {
			return itemErr(i, it, fmt.Sprintf("keywords[%d]", j), ErrEmpty, "is blank; remove it or give a word.")
		}
	}
	return nil
}

// itemWhere names an item for a message: its code and Chinese name.
func itemWhere(i int, it *Item) string {
	name := it.NameZH
	if blank(name) {
		name = "no name"
	}
	if it.Code == "" {
		return fmt.Sprintf("item #%d (%s)", i+1, name)
	}
	return fmt.Sprintf("item %s (%s)", it.Code, name)
}

func itemErr(i int, it *Item, field string, sentinel error, detail string, args ...any) error {
	return &ValidationError{Where: itemWhere(i, it), ItemCode: it.Code, Field: field, Err: sentinel,
		Detail: fmt.Sprintf(detail, args...)}
}

func catalogErr(field string, sentinel error, detail string, args ...any) error {
	return &ValidationError{Field: field, Err: sentinel, Detail: fmt.Sprintf(detail, args...)}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func joinTypes() string {
	s := make([]string, len(Types))
	for i, t := range Types {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}
