package runtime

import "github.com/gopyscript/gopyscript/ffi"

// pythonError is what the page shows for an exception raised by user code.
func pythonError(err error) string { return CleanTraceback(ffi.Message(err)) }
