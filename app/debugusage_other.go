//go:build !unix

package app

// resourceUse is empty where getrusage is not.
func resourceUse() string { return "" }
