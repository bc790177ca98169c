// Package assets embeds the files Folio ships inside its binary: the bundled
// Noto Sans SC subset fonts (so Chinese renders on machines without a CJK
// font), the application icon, and the sample articles offered on first run.
//
// Everything here is read-only data; nothing in this package touches the
// network, and only CopySamples writes to disk.
package assets
