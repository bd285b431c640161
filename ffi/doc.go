// Package ffi is everything that crosses between Go, JavaScript and Python:
// awaiting Promises, exposing Go functions that never kill the instance, and
// converting values. Browser glue lives in *_js.go files only.
package ffi
