/* folio-clipboard: a test owner of the X CLIPBOARD selection for
 * clipboard_x11_test.go. It serves the bytes of a file as UTF8_STRING,
 * following ICCCM section 2.7.2: a property of at most CHUNK bytes at once,
 * else INCR (it selects PropertyChangeMask on the requestor's window before it
 * answers, writes the next chunk after each PropertyDelete of the property
 * and ends with a zero-length property).
 *
 *   clipowner FILE CHUNK MODE
 *
 * MODE: serve   answers every request (well-behaved);
 *       silent  never answers a request;
 *       stallN  stops after N chunks of an INCR transfer (writes no more);
 *       lateN   answers each request only after N milliseconds.
 * It prints "ready" on stdout once it owns the selection, "done" after each
 * complete transfer, and exits on SelectionClear or when killed.
 *
 * Build: gcc -o clipowner clipowner.c -lX11
 */
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc != 4)
    {
        fprintf(stderr, "usage: clipowner FILE CHUNK serve|silent|stallN\n");
        return 2;
    }

    FILE* f = fopen(argv[1], "rb");
    if (!f)
    {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    const long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char* bytes = malloc(size ? size : 1);
    if (fread(bytes, 1, size, f) != (size_t) size)
    {
        perror("read");
        return 1;
    }
    fclose(f);

    const long chunk = atol(argv[2]);
    const char* mode = argv[3];
    const int silent = strcmp(mode, "silent") == 0;
    const long stallAfter = strncmp(mode, "stall", 5) == 0 ? atol(mode + 5) : -1;
    const long late = strncmp(mode, "late", 4) == 0 ? atol(mode + 4) : 0;

    Display* display = XOpenDisplay(NULL);
    if (!display)
    {
        fprintf(stderr, "clipowner: cannot open display\n");
        return 1;
    }

    const Atom clipboard = XInternAtom(display, "CLIPBOARD", False);
    const Atom utf8 = XInternAtom(display, "UTF8_STRING", False);
    const Atom targets = XInternAtom(display, "TARGETS", False);
    const Atom incr = XInternAtom(display, "INCR", False);
    const Window window = XCreateSimpleWindow(display, DefaultRootWindow(display),
                                              0, 0, 1, 1, 0, 0, 0);

    XSetSelectionOwner(display, clipboard, window, CurrentTime);
    if (XGetSelectionOwner(display, clipboard) != window)
    {
        fprintf(stderr, "clipowner: did not get the selection\n");
        return 1;
    }
    printf("ready\n");
    fflush(stdout);

    /* the INCR transfer under way (one at a time is enough for the tests) */
    Window requestor = None;
    Atom property = None;
    long offset = 0, chunks = 0;
    int ended = 0;

    for (;;)
    {
        XEvent event;
        XNextEvent(display, &event);

        if (event.type == SelectionClear)
            return 0;

        if (event.type == SelectionRequest)
        {
            const XSelectionRequestEvent* request = &event.xselectionrequest;
            XEvent reply = { SelectionNotify };
            reply.xselection.requestor = request->requestor;
            reply.xselection.selection = request->selection;
            reply.xselection.target = request->target;
            reply.xselection.time = request->time;
            reply.xselection.property = None;

            if (silent)
                continue;
            if (late > 0)
                usleep(late * 1000);

            const Atom prop = request->property ? request->property : request->target;
            if (request->target == targets)
            {
                const Atom list[] = { targets, utf8 };
                XChangeProperty(display, request->requestor, prop, XA_ATOM, 32,
                                PropModeReplace, (const unsigned char*) list, 2);
                reply.xselection.property = prop;
            }
            else if (request->target == utf8 && size <= chunk)
            {
                XChangeProperty(display, request->requestor, prop, utf8, 8,
                                PropModeReplace, bytes, (int) size);
                reply.xselection.property = prop;
            }
            else if (request->target == utf8 && requestor == None)
            {
                const long total = size;
                requestor = request->requestor;
                property = prop;
                offset = chunks = 0;
                ended = 0;
                /* before the answer, so no PropertyDelete is missed */
                XSelectInput(display, requestor, PropertyChangeMask);
                XChangeProperty(display, requestor, prop, incr, 32,
                                PropModeReplace, (const unsigned char*) &total, 1);
                reply.xselection.property = prop;
            }

            XSendEvent(display, request->requestor, False, 0, &reply);
            XFlush(display);
        }
        else if (event.type == PropertyNotify && requestor != None &&
                 event.xproperty.window == requestor &&
                 event.xproperty.atom == property &&
                 event.xproperty.state == PropertyDelete)
        {
            if (ended)
            {
                /* the requestor took the zero-length property: done */
                XSelectInput(display, requestor, NoEventMask);
                requestor = None;
                printf("done\n");
                fflush(stdout);
                continue;
            }
            if (stallAfter >= 0 && chunks >= stallAfter)
                continue;

            long n = size - offset;
            if (n > chunk)
                n = chunk;
            XChangeProperty(display, requestor, property, utf8, 8,
                            PropModeReplace, bytes + offset, (int) n);
            offset += n;
            chunks++;
            if (n == 0)
                ended = 1;
            XFlush(display);
        }
    }
}
