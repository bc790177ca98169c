package preview

import "math"

// snap is v rounded to a whole unit. A table's cells are placed on whole
// units so that the one-unit gaps between them, which show the grid lines
// behind, are never covered: with rows 32.27 units tall, every other
// row's cells rounded over the line under it (QA: a big table in the
// light theme lost the line under every other row). A gap of one unit
// between two snapped edges stays one unit: round(a+1) = round(a)+1.
func snap(v float32) float32 { return float32(math.Round(float64(v))) }
