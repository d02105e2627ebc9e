// Package common holds what the wizard's screens and its shell share: the
// styles, the key map and the size of the area a screen may draw in. It is
// a leaf: it imports neither the wizard nor the steps.
package common

// Size is the area, in cells, that a screen may draw in.
type Size struct {
	Width  int
	Height int
}

// Clamp returns n limited to [lo, hi]; hi wins when the two cross.
func Clamp(n, lo, hi int) int {
	if n > hi {
		n = hi
	}
	if n < lo {
		n = lo
	}
	return n
}
