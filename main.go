// Command tongban is the lobby kiosk and counter program of a government
// service center (通办). See README.md and `tongban help`.
package main

import (
	"os"

	_ "a.tongban/localefix" // first of all inits: see its doc

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"tongban/app/cli"
)

// appID must match FyneApp.toml: Fyne keys preferences and storage by it.
const appID = "cn.gov.tongban"

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		NewApp: func() fyne.App { return app.NewWithID(appID) },
	}))
}
