// Package common holds what the wizard's screens and its shell share: the
// styles, the key map and the size of the area a screen may draw in. It is
// a leaf: it imports neither the wizard nor the steps.
package common

// Size is the area, in cells, that a screen may draw in.
type Size struct {
	Width  int
	Height int
}
