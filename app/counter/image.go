package counter

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tongban/app/scan"
)

// pickerLimit is how many folders and images the chooser lists; past that
// the clerk types the name.
const pickerLimit = 40

// imagePicker is the Ctrl+O chooser of a photo or image file of a
// receipt: a path field (type or paste a file or a folder; Enter opens it)
// over the folders and images of the folder shown, newest image first.
// Esc closes it. Fyne's file dialog has no path field and no Esc, and once
// its file grid is clicked it keeps every key from the counter; here every
// focusable thing is the counter's own, so Esc always arrives.
type imagePicker struct {
	b    *bench
	dlg  dialog.Dialog
	path *entry
	msg  *widget.Label
	list *fyne.Container
	dir  string
}

// chooseImage opens the chooser; its image's QR code goes the same way as
// a scan.
func (b *bench) chooseImage() {
	if b.picker != nil {
		b.c.win.Canvas().Focus(b.picker.path)
		return
	}
	p := &imagePicker{b: b}
	p.path = newEntry(b.c, both(tImagePathHint))
	p.path.OnEnter = p.enter
	p.path.OnScan = b.scanned // the scan closes the chooser
	p.msg = widget.NewLabel("")
	p.msg.Wrapping = fyne.TextWrapWord
	p.msg.Importance = widget.DangerImportance
	p.msg.Hide()
	p.list = container.NewVBox()
	up := newButton(b.c, both(tUpFolder), func() { p.show(filepath.Dir(p.dir)) })
	up.Icon = theme.MoveUpIcon()
	open := newButton(b.c, withKey(tOpenFile, "Enter"), func() { p.enter(p.path.Text) })
	open.Importance = widget.HighImportance
	cancel := newButton(b.c, withKey(tCancel, keyLabel(keyBack)), func() {
		b.closePicker()
		b.refocus()
	})
	content := container.NewBorder(container.NewVBox(p.path, p.msg),
		container.NewHBox(up, layout.NewSpacer(), open, cancel), nil, nil,
		container.NewVScroll(p.list))
	p.dlg = dialog.NewCustomWithoutButtons(both(tOpenImage), content, b.c.win)
	p.dlg.Resize(fyne.NewSize(760, 520))
	b.picker = p
	start := b.c.imageDir
	if start == "" {
		start, _ = os.UserHomeDir()
	}
	p.show(start)
	p.dlg.Show()
	b.c.win.Canvas().Focus(p.path)
}

// closePicker closes the chooser, if open, without opening anything.
func (b *bench) closePicker() {
	if p := b.picker; p != nil {
		b.picker = nil
		p.dlg.Hide()
	}
}

// typed takes a character typed while nothing in the chooser had focus.
func (p *imagePicker) typed(r rune) {
	p.b.c.win.Canvas().Focus(p.path)
	p.path.TypedRune(r)
}

// enter opens what the path field names: a folder is listed, an image
// opened; anything else is told in one sentence, and the field keeps it.
func (p *imagePicker) enter(text string) {
	path := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(path, "~"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			path = home + rest
		}
	}
	if path != "" && !filepath.IsAbs(path) {
		path = filepath.Join(p.dir, path)
	}
	info, err := os.Stat(path)
	switch {
	case path == "" || err != nil:
		p.tell(bothf(tNoSuchPath, text))
	case info.IsDir():
		p.show(path)
	case !isImage(path):
		p.tell(bothf(tNotImage, filepath.Base(path)))
	default:
		p.b.c.imageDir = filepath.Dir(path)
		p.b.closePicker()
		p.b.openImage(path)
	}
}

// tell shows a sentence under the path field.
func (p *imagePicker) tell(s string) {
	p.msg.SetText(s)
	p.msg.Show()
	p.b.c.win.Canvas().Focus(p.path)
}

// show lists a folder: its folders by name, then its images newest first.
func (p *imagePicker) show(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		p.tell(sentences(tNoFolder.Format(dir), split(err.Error())))
		return
	}
	p.dir = filepath.Clean(dir)
	p.path.SetText(withSlash(p.dir))
	p.path.CursorColumn = len([]rune(p.path.Text))
	p.msg.Hide()
	var folders, images []os.DirEntry
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir():
			folders = append(folders, e)
		case isImage(e.Name()):
			images = append(images, e)
		}
	}
	modified := func(e os.DirEntry) int64 {
		if info, err := e.Info(); err == nil {
			return info.ModTime().UnixNano()
		}
		return 0
	}
	slices.SortStableFunc(images, func(a, b os.DirEntry) int { return cmp.Compare(modified(b), modified(a)) })
	var rows []fyne.CanvasObject
	for _, e := range append(images, folders...) {
		if len(rows) == pickerLimit {
			rows = append(rows, widget.NewLabel(bothf(tMoreFiles, pickerLimit)))
			break
		}
		path := filepath.Join(p.dir, e.Name())
		row := newButton(p.b.c, e.Name(), func() { p.enter(path) })
		row.Alignment = widget.ButtonAlignLeading
		row.Importance = widget.LowImportance
		row.Icon = theme.FileImageIcon()
		if e.IsDir() {
			row.Icon = theme.FolderIcon()
		}
		rows = append(rows, row)
	}
	if len(images) == 0 {
		rows = append([]fyne.CanvasObject{widget.NewLabel(both(tNoImages))}, rows...)
	}
	p.list.Objects = rows
	p.list.Refresh()
}

// isImage reports whether a file name is of an image the scanner reads.
func isImage(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".png", ".jpg", ".jpeg":
		return true
	}
	return false
}

func withSlash(dir string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir
	}
	return dir + string(filepath.Separator)
}

// openImage decodes an image file's QR code off the UI goroutine (a camera
// photo takes a moment) and opens what it holds.
func (b *bench) openImage(path string) {
	b.info(both(tReading))
	b.c.spawn(func() {
		payload, err := scan.DecodeFile(path)
		fyne.Do(func() {
			if b.c.bench != b {
				return
			}
			if err != nil {
				b.scanFailed(err) // as a bad scan: the clerk was opening another case
				b.refocus()
				return
			}
			b.scanned(payload)
		})
	})
}
