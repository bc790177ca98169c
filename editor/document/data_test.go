package document

import (
	"reflect"
	"testing"
)

func TestValueData(t *testing.T) {
	doc, err := Parse([]byte("---\nt: 标题\nn: 12\nb: True\nz: null\nl: [a, 1]\nm:\n  k: v\n  in: [x]\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"t": "标题", "n": "12", "b": true, "z": nil,
		"l": []any{"a", "1"},
		"m": map[string]any{"k": "v", "in": []any{"x"}},
	}
	for _, f := range doc.Fields() {
		if got := f.Value.Data(); !reflect.DeepEqual(got, want[f.Key]) {
			t.Errorf("%s: Data() = %#v, want %#v", f.Key, got, want[f.Key])
		}
	}
}
