//go:build !((linux || freebsd || netbsd || openbsd) && ((!x11 && !wayland) || x11))

package glfw

// folio-ime: without X11 there is no XIM spot to set; see ime_x11.go.

// SetX11PreeditSpot does nothing without X11 and reports false.
func (w *Window) SetX11PreeditSpot(x, y int) bool { return false }

// SetX11PreeditSpotByHandle does nothing without X11 and reports false.
func SetX11PreeditSpotByHandle(xid uintptr, x, y int) bool { return false }
