package counter

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// The case's timeline runs oldest first, so what just happened is at its
// end, which a long history pushed out of the column: after accept,
// suspend, resume, complete and a reveal, the newest rows were under the
// bottom edge at 1366×768 and only the mouse wheel reached them. The
// timeline now opens at its end whenever a case is shown or changes
// (tail), and PageUp and PageDown page through it from wherever the
// keyboard is in the case view. The promise and the heading stand above
// the scroll (caseView): inside it, opened at the end, they went out of
// sight after every action.

// Keys that page the timeline, shown beside its heading.
const (
	keyOlder = fyne.KeyPageUp
	keyNewer = fyne.KeyPageDown
)

// isScrollKey reports the keys that page the timeline. An entry gives
// them to the counter, which takes them while a case is on screen; in the
// list they are the entry's own.
func isScrollKey(k fyne.KeyName) bool { return k == keyOlder || k == keyNewer }

// timelineKeys is how the paging keys are written beside the heading.
func timelineKeys() string { return keyLabel(keyOlder) + "/" + keyLabel(keyNewer) }

// tail is a vertical scroll that keeps the end of its content in sight
// while pinned: from the start, and again once the clerk pages or scrolls
// back down to the end. Scrolling up unpins it, so a redraw does not pull
// the clerk away from what they went back to read.
type tail struct {
	scroll *container.Scroll
	pinned bool
}

// newTail returns the tail and the container to lay out.
func newTail(content fyne.CanvasObject) (*tail, *fyne.Container) {
	t := &tail{scroll: container.NewVScroll(content), pinned: true}
	t.scroll.OnScrolled = func(fyne.Position) { t.pinned = t.atEnd() }
	return t, container.New(t, t.scroll)
}

// Layout fills the size with the scroll, at the end while pinned.
func (t *tail) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pinned := t.pinned // the resize may clamp the offset, which OnScrolled reads
	t.scroll.Move(fyne.NewPos(0, 0))
	t.scroll.Resize(size)
	if pinned {
		t.toEnd()
	}
}

// MinSize is the scroll's.
func (t *tail) MinSize([]fyne.CanvasObject) fyne.Size { return t.scroll.MinSize() }

// toEnd scrolls to the end. The content is laid out at the scroll's width
// first: wrapped text knows its height only once it knows its width.
func (t *tail) toEnd() {
	size := t.scroll.Size()
	if size.Width <= 0 {
		return // not laid out yet: Layout comes back here
	}
	c := t.scroll.Content
	h := heightAt(c, size.Width)
	c.Resize(fyne.NewSize(size.Width, max(h, size.Height)))
	t.scroll.ScrollToOffset(fyne.NewPos(0, max(h-size.Height, 0)))
	t.pinned = true
}

// grown keeps the end in sight after rows were added in place.
func (t *tail) grown() {
	if t.pinned {
		t.toEnd()
	}
}

// atEnd reports whether the last line is in sight.
func (t *tail) atEnd() bool {
	s := t.scroll
	return s.Offset.Y >= s.Content.MinSize().Height-s.Size().Height-1
}

// page scrolls a page up (dir -1, older events) or down (+1), see page.
func (t *tail) page(dir float32) {
	page(t.scroll, dir)
	t.pinned = t.atEnd()
}

// pageStory pages the case's timeline; false when no case is on screen.
func (b *bench) pageStory(k fyne.KeyName) bool {
	if b.cur == nil || b.story == nil {
		return false
	}
	if k == keyOlder {
		b.story.page(-1)
	} else {
		b.story.page(1)
	}
	return true
}
