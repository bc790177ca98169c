//go:build !unix

package app

// resourceUse is empty where getrusage is not.
type resourceUse struct{}

func (resourceUse) String() string { return "" }
