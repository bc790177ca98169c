package preview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"image"
	_ "image/gif" // decoders for images in articles
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"

	"folio/preview/markdown"
)

// Image limits.
const (
	maxImageBytes  = 16 << 20   // bytes read from a file or the network
	maxImagePixels = 50_000_000 // width × height accepted for decoding
	maxImageWidth  = 1600       // larger images are scaled down once loaded
	remoteTimeout  = 10 * time.Second
	maxImageHeight = 640 // display cap, in Fyne units
)

var errRemoteOff = errors.New("remote images are off")

// imageLoader loads images off the UI goroutine and caches them by source.
type imageLoader struct {
	mu          sync.Mutex
	allowRemote bool
	entries     map[string]*imageEntry
	order       []string // sources in the order they were first asked for
	bytes       int64    // sum of the entries' sizes
	client      *http.Client
	do          func(func()) // runs a function on the UI goroutine: fyne.Do
}

type imageEntry struct {
	done    bool
	img     image.Image
	err     error
	stamp   fileStamp // of a local file when it was read
	size    int64     // bytes of img, counted in imageLoader.bytes
	waiters []func(image.Image, error)
}

// fileStamp tells whether a local image changed since it was read.
type fileStamp struct {
	size    int64
	modTime time.Time
	exists  bool
}

func stampOf(path string) fileStamp {
	info, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: info.Size(), modTime: info.ModTime(), exists: true}
}

func newImageLoader() *imageLoader {
	return &imageLoader{entries: map[string]*imageEntry{}, client: &http.Client{Timeout: remoteTimeout}, do: fyne.Do}
}

func (l *imageLoader) setAllowRemote(on bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.allowRemote != on {
		l.allowRemote = on
		for k, e := range l.entries { // forget remote results so they are tried again
			if e.done && isRemote(k) {
				l.bytes -= e.size
				delete(l.entries, k)
			}
		}
	}
}

// get returns the image for src if loaded. Otherwise it starts loading
// (once) and calls done from a goroutine with the result. A local file
// that appeared, changed or went away since it was read is read again.
func (l *imageLoader) get(src string, done func(image.Image, error)) (image.Image, error, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.entries[src]; ok {
		if e.done && (isRemote(src) || stampOf(src) == e.stamp) {
			return e.img, e.err, true
		}
		if !e.done {
			e.waiters = append(e.waiters, done)
			return nil, nil, false
		}
		l.bytes -= e.size
		delete(l.entries, src) // stale: load it again below
		l.order = slices.DeleteFunc(l.order, func(k string) bool { return k == src })
	}
	if isRemote(src) && !l.allowRemote {
		l.entries[src] = &imageEntry{done: true, err: errRemoteOff}
		return nil, errRemoteOff, true
	}
	e := &imageEntry{waiters: []func(image.Image, error){done}}
	l.entries[src] = e
	l.order = append(l.order, src)
	l.trim()
	go func() {
		var stamp fileStamp
		if !isRemote(src) {
			stamp = stampOf(src)
		}
		img, err := l.load(src)
		l.mu.Lock()
		e.img, e.err, e.stamp, e.done = img, err, stamp, true
		if l.entries[src] == e {
			e.size = imageBytes(img)
			l.bytes += e.size
			l.trim()
		}
		waiters := e.waiters
		e.waiters = nil
		l.mu.Unlock()
		for _, w := range waiters { // the result itself: the entry may be trimmed meanwhile
			if w != nil {
				w(img, err)
			}
		}
	}()
	return nil, nil, false
}

// The cache is capped by the bytes of its decoded images (the oldest
// finished ones go first; a box that still shows one keeps its own
// reference). Entries without pixels (errors, "remote images are off")
// cost nothing against that cap, so they never push real images out;
// they are capped by count.
const (
	maxCachedBytes   = 256 << 20
	maxCachedEntries = 4096
)

// imageBytes is the memory a decoded image holds, about.
func imageBytes(img image.Image) int64 {
	if img == nil {
		return 0
	}
	b := img.Bounds()
	return int64(b.Dx()) * int64(b.Dy()) * 4
}

// trim drops the oldest finished entries past the caps (l.mu held).
func (l *imageLoader) trim() {
	for (l.bytes > maxCachedBytes || len(l.entries) > maxCachedEntries) && len(l.order) > 0 {
		byBytes := l.bytes > maxCachedBytes
		dropped := false
		for i, k := range l.order {
			e, ok := l.entries[k]
			if ok && (!e.done || byBytes && e.size == 0) {
				continue
			}
			if ok {
				l.bytes -= e.size
				delete(l.entries, k)
			}
			l.order = append(l.order[:i], l.order[i+1:]...)
			dropped = true
			break
		}
		if !dropped {
			return
		}
	}
}

func (l *imageLoader) load(src string) (image.Image, error) {
	var data []byte
	var err error
	if isRemote(src) {
		data, err = l.fetch(src)
	} else {
		data, err = readCapped(src)
	}
	if err != nil {
		return nil, err
	}
	return decodeCapped(data)
}

func (l *imageLoader) fetch(src string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), remoteTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch image: %w", err)
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch image: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch image: %s", resp.Status)
	}
	return readAllCapped(resp.Body)
}

func readCapped(path string) ([]byte, error) {
	// Opening a named pipe or a device would block or read forever.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("open image: %s is not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open image: %w", err)
	}
	defer f.Close()
	return readAllCapped(f)
}

func readAllCapped(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read image: %w", err)
	}
	if len(data) > maxImageBytes {
		return nil, fmt.Errorf("image larger than %d MiB", maxImageBytes>>20)
	}
	return data, nil
}

// decodeCapped decodes an image after checking its size, and scales it
// down to maxImageWidth.
func decodeCapped(data []byte) (image.Image, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if errors.Is(err, image.ErrFormat) && looksSVG(data) {
		return decodeSVG(data) // imagesvg.go
	}
	if err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxImagePixels {
		return nil, fmt.Errorf("image too large: %d×%d", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode image: %w", err)
	}
	if b := img.Bounds(); b.Dx() > maxImageWidth {
		h := b.Dy() * maxImageWidth / b.Dx()
		dst := image.NewNRGBA(image.Rect(0, 0, maxImageWidth, max(h, 1)))
		draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		img = dst
	}
	return img, nil
}

func isRemote(src string) bool {
	s := strings.ToLower(src)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// resolveImage turns an image destination into a file path or a remote URL
// with the one resolver: relative paths are taken from the article's
// folder, site-absolute ones from the site (markdown.Resolver); without a
// site root a leading "/" is a file system path.
func resolveImage(dest string, r markdown.Resolver) string {
	if isRemote(dest) {
		return dest
	}
	if u, err := url.Parse(dest); err == nil && u.Scheme == "file" {
		return filepath.FromSlash(u.Path)
	}
	p := dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if un, err := url.PathUnescape(p); err == nil {
		p = un
	}
	if r.Root != "" || !strings.HasPrefix(p, "/") {
		if local := r.Image(dest); local != "" {
			return local
		}
	}
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.Dir, p)
}

// imageBox shows an image, scaled to fit the width, or a placeholder that
// names its path while loading or when it cannot be shown.
type imageBox struct {
	widget.BaseWidget
	in      Inline
	src     string
	loader  *imageLoader
	onLink  func(string)
	changed func() // the box's height changed (image arrived)

	img image.Image
	err error
}

func newImageBox(in Inline, r markdown.Resolver, loader *imageLoader, onLink func(string), changed func()) *imageBox {
	b := &imageBox{in: in, src: resolveImage(in.Dest, r), loader: loader, onLink: onLink, changed: changed}
	b.ExtendBaseWidget(b)
	if loader != nil {
		var done bool
		b.img, b.err, done = loader.get(b.src, func(img image.Image, err error) {
			loader.do(func() {
				b.img, b.err = img, err
				b.Refresh()
				if b.changed != nil {
					b.changed()
				}
			})
		})
		_ = done
	}
	return b
}

func (b *imageBox) placeholder() string {
	switch {
	case b.img != nil:
		return ""
	case errors.Is(b.err, errRemoteOff):
		return lang.L("[image] {{.Path}} (remote images are off)", map[string]any{"Path": b.in.Dest})
	case b.err != nil:
		return lang.L("[image] {{.Path}} — {{.Err}}", map[string]any{"Path": b.in.Dest, "Err": shortErr(b.err)})
	}
	return lang.L("[image] {{.Path}} …", map[string]any{"Path": b.in.Dest})
}

func shortErr(err error) string {
	if errors.Is(err, os.ErrNotExist) {
		return lang.L("missing")
	}
	return err.Error()
}

func (b *imageBox) heightFor(w float32) float32 {
	if b.img == nil {
		return theme.TextSize()*1.4 + theme.Padding()*4
	}
	s := b.fit(w)
	return s.Height
}

func (b *imageBox) fit(w float32) fyne.Size {
	bd := b.img.Bounds()
	iw, ih := float32(bd.Dx()), float32(bd.Dy())
	scale := float32(1)
	if b.in.Width > 0 && iw > 0 {
		scale = float32(b.in.Width) / iw // <img width>: that wide, as a browser draws it
	}
	if iw*scale > w && w > 0 {
		scale = w / iw
	}
	if ih*scale > maxImageHeight {
		scale = maxImageHeight / ih
	}
	return fyne.NewSize(iw*scale, ih*scale)
}

// Tapped follows the image's link, if it has one.
func (b *imageBox) Tapped(*fyne.PointEvent) {
	if b.in.Link != "" && b.onLink != nil {
		b.onLink(b.in.Link)
	}
}

func (b *imageBox) CreateRenderer() fyne.WidgetRenderer {
	r := &imageRenderer{b: b}
	r.Refresh()
	return r
}

type imageRenderer struct {
	b     *imageBox
	objs  []fyne.CanvasObject
	image *canvas.Image
}

func (r *imageRenderer) Refresh() {
	b := r.b
	if b.img != nil {
		r.image = canvas.NewImageFromImage(b.img)
		r.image.FillMode = canvas.ImageFillContain
		r.image.ScaleMode = canvas.ImageScaleSmooth
		r.objs = []fyne.CanvasObject{r.image}
	} else {
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
		bg.StrokeWidth = 1
		bg.CornerRadius = theme.InputRadiusSize()
		txt := canvas.NewText(b.placeholder(), theme.Color(theme.ColorNamePlaceHolder))
		txt.TextSize = theme.TextSize() * 0.9
		r.objs = []fyne.CanvasObject{bg, txt}
	}
	r.Layout(b.Size())
	canvas.Refresh(b)
}

func (r *imageRenderer) Layout(s fyne.Size) {
	if r.image != nil && len(r.objs) == 1 {
		fit := r.b.fit(s.Width)
		r.image.Move(fyne.NewPos(0, 0))
		r.image.Resize(fyne.NewSize(fit.Width, s.Height))
		return
	}
	if len(r.objs) == 2 {
		r.objs[0].Resize(s)
		pad := theme.Padding() * 2
		r.objs[1].Move(fyne.NewPos(pad, pad))
		r.objs[1].Resize(fyne.NewSize(s.Width-2*pad, s.Height-2*pad))
		if txt, ok := r.objs[1].(*canvas.Text); ok { // within the box (imagesvg.go)
			txt.Text = fitText(r.b.placeholder(), s.Width-2*pad, txt.TextSize)
		}
	}
}

func (r *imageRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, r.b.heightFor(r.b.Size().Width))
}
func (r *imageRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *imageRenderer) Destroy()                     {}
