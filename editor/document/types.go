package document

// Format is the syntax of an article's front matter.
type Format int

// The front matter formats Folio reads.
const (
	None Format = iota // no front matter
	YAML               // between "---" lines
	TOML               // between "+++" lines
	JSON               // a JSON object at the top of the file
)

// Kind is the type of a front matter value.
type Kind int

// The kinds of value.
const (
	Null Kind = iota
	String
	Date // a date or timestamp, kept as spelled (2025-06-02)
	Bool
	Int
	Float
	List
	Map
)

// Value is one front matter value, read without losing how it was written.
type Value struct {
	Kind   Kind
	Text   string  // scalars: the string's content, or the literal's spelling (2025-06-02, 12, true)
	Items  []Value // List
	Fields []Field // Map, in file order
	Line   int     // 1-based line in the file where the value starts
}

// Field is a key and its value, in file order.
type Field struct {
	Key   string
	Value Value
}

// ParseError is a problem in an article's front matter, with the 1-based
// line in the file where it was found.
type ParseError struct {
	Line int
	Msg  string
	Err  error // the kind of problem when it has a sentinel (ErrBinary, ErrNotUTF8), or nil
}

func (e *ParseError) Error() string { return "line " + itoa(e.Line) + ": " + e.Msg }

// Unwrap returns the problem's kind, for errors.Is.
func (e *ParseError) Unwrap() error { return e.Err }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
