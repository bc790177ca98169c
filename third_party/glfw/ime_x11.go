//go:build (linux || freebsd || netbsd || openbsd) && ((!x11 && !wayland) || x11)

package glfw

// folio-ime: the XIM spot location, so that an input method (fcitx5, ibus,
// ... over XIM) opens its candidate window at the text caret.

//#define GLFW_EXPOSE_NATIVE_X11
//#define GLFW_INCLUDE_NONE
//#include "glfw/include/GLFW/glfw3.h"
//#include "glfw/include/GLFW/glfw3native.h"
import "C"

// SetX11PreeditSpot tells the window's X input method context where the
// caret is: (x, y) in window pixels, normally the caret's bottom-left
// corner. It reports whether an input context took the location; it is
// false when no input method is running, when GLFW runs on Wayland, and on
// other systems. Call it from the main thread only.
func (w *Window) SetX11PreeditSpot(x, y int) bool {
	ok := C.glfwSetX11PreeditSpot(w.data, C.int(x), C.int(y)) != 0
	panicError()
	return ok
}

// SetX11PreeditSpotByHandle is SetX11PreeditSpot for the GLFW window whose
// X11 window is xid (as Fyne's driver.X11WindowContext.WindowHandle gives
// it). It reports false when no GLFW window has that handle.
func SetX11PreeditSpotByHandle(xid uintptr, x, y int) bool {
	ok := C.glfwSetX11PreeditSpotByHandle(C.ulong(xid), C.int(x), C.int(y)) != 0
	panicError()
	return ok
}
