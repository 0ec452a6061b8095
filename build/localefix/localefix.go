// Package localefix makes a C locale (LANG=C.UTF-8, usual on servers and
// in CI) readable to Fyne before Fyne reads it.
//
// Fyne's lang package parses the locale in its init and, through
// github.com/jeandeaual/go-locale, takes "C.UTF-8" for a language tag "C",
// logging three lines of "Fyne error" on every run of every command. Go
// initializes packages in import-path order once their imports are done,
// so this package lives in its own module with a path that sorts before
// fyne.io and runs first: it swaps a C locale for zh_CN.UTF-8 (Chinese
// first, as the whole program is). Go itself never reads the locale.
package localefix

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			os.Setenv(name, "zh_CN.UTF-8")
		}
		return
	}
}
