/*
 * latency-probe: how long after an outside write of an article the window
 * title (and, optionally, a region of the window: the preview) shows it.
 * Used by .ci/latency; built there with `cc -O2 -o probe latency-probe.c -lX11`.
 *
 * Usage: latency-probe WINDOW FILE STYLE N INTERVAL_MS [X Y W H]
 *   WINDOW       the window id (xdotool search)
 *   FILE         the open article; its front matter's `title:` line is
 *                rewritten N times, INTERVAL_MS apart, to "延迟测试 STYLE-NNNN"
 *   STYLE        inplace: open(O_TRUNC) + write + close;
 *                rename:  write a temporary file beside it, then rename(2)
 *   X Y W H      a region of the window (the preview's header) that must
 *                change too: sampled with XGetImage every 2 ms after each
 *                write until it differs from before the write.
 * The clock starts when close(2) or rename(2) returned. The title is read on
 * each PropertyNotify of _NET_WM_NAME/WM_NAME, so no change is missed
 * between polls. A write whose title never appeared is a miss.
 * With LAT_VARY=1 in the environment every other title is longer.
 * Prints one line per write ("i title_ms region_ms", -1 = never) and a
 * summary: "title p50 p99 max misses" and "region ...".
 */
#define _GNU_SOURCE
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *slurp(const char *path, size_t *n) {
	FILE *f = fopen(path, "rb");
	if (!f) { perror(path); exit(2); }
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc(len + 1);
	if (fread(b, 1, len, f) != (size_t)len) { perror("read"); exit(2); }
	b[len] = 0;
	fclose(f);
	*n = len;
	return b;
}

static void write_all(int fd, const char *b, size_t n) {
	while (n > 0) {
		ssize_t k = write(fd, b, n);
		if (k < 0) { if (errno == EINTR) continue; perror("write"); exit(2); }
		b += k; n -= k;
	}
}

static Display *dpy;
static Window win;
static Atom net_wm_name, utf8;

/* title returns the window's title (caller frees) or NULL. */
static char *title(void) {
	Atom type; int format; unsigned long n, after; unsigned char *data = NULL;
	if (XGetWindowProperty(dpy, win, net_wm_name, 0, 4096, False, utf8, &type, &format, &n, &after, &data) == Success && data)
		return (char *)data;
	if (XGetWindowProperty(dpy, win, XA_WM_NAME, 0, 4096, False, AnyPropertyType, &type, &format, &n, &after, &data) == Success && data)
		return (char *)data;
	return NULL;
}

static int rx, ry, rw, rh, region;

static uint64_t region_hash(void) {
	XImage *im = XGetImage(dpy, win, rx, ry, rw, rh, AllPlanes, ZPixmap);
	if (!im) return 0;
	uint64_t h = 1469598103934665603ULL;
	size_t n = (size_t)im->bytes_per_line * im->height;
	for (size_t i = 0; i < n; i++) { h ^= (unsigned char)im->data[i]; h *= 1099511628211ULL; }
	XDestroyImage(im);
	return h;
}

static int cmp(const void *a, const void *b) {
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void summary(const char *what, const double *lat, int n) {
	double *v = malloc(sizeof(double) * n);
	int k = 0;
	for (int i = 0; i < n; i++) if (lat[i] >= 0) v[k++] = lat[i];
	qsort(v, k, sizeof(double), cmp);
	if (k == 0) { printf("%s p50 - p99 - max - misses %d/%d\n", what, n, n); free(v); return; }
	/* nearest-rank percentiles over all N writes: a miss counts as infinitely late */
	int i50 = (int)(0.50 * n + 0.999999) - 1, i99 = (int)(0.99 * n + 0.999999) - 1;
	char p50[32], p99[32];
	if (i50 < k) snprintf(p50, sizeof p50, "%.1f", v[i50]); else snprintf(p50, sizeof p50, "miss");
	if (i99 < k) snprintf(p99, sizeof p99, "%.1f", v[i99]); else snprintf(p99, sizeof p99, "miss");
	printf("%s p50 %s p99 %s max %.1f misses %d/%d\n", what, p50, p99, v[k - 1], n - k, n);
	free(v);
}

int main(int argc, char **argv) {
	if (argc != 6 && argc != 10) {
		fprintf(stderr, "usage: %s WINDOW FILE STYLE N INTERVAL_MS [X Y W H]\n", argv[0]);
		return 2;
	}
	win = (Window)strtoul(argv[1], NULL, 0);
	const char *file = argv[2], *style = argv[3];
	int n = atoi(argv[4]);
	double interval = atof(argv[5]);
	int renames = strcmp(style, "rename") == 0;
	const char *v = getenv("LAT_VARY");
	int vary = v && strcmp(v, "1") == 0;
	if (!renames && strcmp(style, "inplace") != 0) { fprintf(stderr, "style is inplace or rename\n"); return 2; }
	if (argc == 10) { region = 1; rx = atoi(argv[6]); ry = atoi(argv[7]); rw = atoi(argv[8]); rh = atoi(argv[9]); }

	size_t len;
	char *tmpl = slurp(file, &len);
	/* the title line of the front matter: "title: ..." */
	char *tl = NULL;
	for (char *p = tmpl; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncmp(p, "title:", 6) == 0) { tl = p; break; }
	}
	if (!tl) { fprintf(stderr, "%s: no 'title:' line\n", file); return 2; }
	char *te = strchr(tl, '\n');
	size_t pre = tl - tmpl, post = te ? (size_t)(te - tmpl) : len;

	dpy = XOpenDisplay(NULL);
	if (!dpy) { fprintf(stderr, "cannot open display\n"); return 2; }
	net_wm_name = XInternAtom(dpy, "_NET_WM_NAME", False);
	utf8 = XInternAtom(dpy, "UTF8_STRING", False);
	XSelectInput(dpy, win, PropertyChangeMask);
	XSync(dpy, False);

	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.latency-probe.tmp", file);
	double *done = calloc(n, sizeof(double)), *seen = malloc(n * sizeof(double)), *shown = malloc(n * sizeof(double));
	for (int i = 0; i < n; i++) seen[i] = shown[i] = -1;
	char marker[64];
	snprintf(marker, sizeof marker, "延迟测试 %s-", style);
	size_t ml = strlen(marker);
	int fd = ConnectionNumber(dpy);
	double start = now_ms() + 200;
	uint64_t before = 0; /* the region's hash just before the last write */
	for (int i = 0; i <= n; i++) {
		double at = start + i * interval;
		if (i == n) at += 1500; /* the last write gets longer to show */
		int watching = -1; /* the write whose region change is awaited */
		for (;;) {
			while (XPending(dpy)) {
				XEvent ev;
				XNextEvent(dpy, &ev);
				if (ev.type != PropertyNotify || (ev.xproperty.atom != net_wm_name && ev.xproperty.atom != XA_WM_NAME)) continue;
				double t = now_ms();
				char *s = title();
				if (!s) continue;
				char *m = strstr(s, marker);
				if (m) {
					int k = atoi(m + ml);
					if (k >= 0 && k < n && seen[k] < 0 && done[k] > 0) seen[k] = t - done[k];
				}
				XFree(s);
			}
			double t = now_ms();
			if (t >= at) break;
			if (region && i > 0 && seen[i - 1] >= 0 && shown[i - 1] < 0 && t - done[i - 1] < interval) watching = i - 1;
			else watching = -1;
			if (watching >= 0) {
				if (region_hash() != before) { shown[watching] = now_ms() - done[watching]; continue; }
			}
			double wait = at - t;
			if (watching >= 0 && wait > 2) wait = 2;
			fd_set r; FD_ZERO(&r); FD_SET(fd, &r);
			struct timeval tv = { (long)(wait / 1000), (long)((wait - 1000 * (long)(wait / 1000)) * 1000) };
			select(fd + 1, &r, NULL, NULL, &tv);
		}
		if (i == n) break;
		/* write i */
		char line[128];
		/* LAT_VARY=1: every other title is longer, so the lines that show it
		 * change width (the editor's line, the list row, the preview's
		 * header), as a real edit's would */
		int ll = snprintf(line, sizeof line, "title: \"%s%04d%s\"", marker, i, vary && i % 2 ? "（一个更长一些的标题）" : "");
		if (region) before = region_hash();
		int out = renames ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644) : open(file, O_WRONLY | O_TRUNC);
		if (out < 0) { perror("open"); return 2; }
		write_all(out, tmpl, pre);
		write_all(out, line, ll);
		write_all(out, tmpl + post, len - post);
		close(out);
		if (renames && rename(tmp, file) != 0) { perror("rename"); return 2; }
		done[i] = now_ms();
	}
	for (int i = 0; i < n; i++) printf("%d %.1f %.1f\n", i, seen[i], shown[i]);
	summary("title", seen, n);
	if (region) summary("region", shown, n);
	return 0;
}
