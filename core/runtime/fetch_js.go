package runtime

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
)

// Download is a fetch started early and awaited later.
type Download struct {
	url     string // as the error message names it
	request js.Value
}

// early is the page loader's takeEarly(url): the response to that URL it
// fetched while core.wasm loaded (a script's src, a config file, a
// config's files), handed over once; undefined when there is none. Unset
// in workers. fetch is the loader's fetch(url), which retries a dropped
// connection once and says when a download stalls.
var early, fetch js.Value

// FetchThrough makes StartDownload use host's fetch and the responses it
// fetched early.
func FetchThrough(host js.Value) {
	early, fetch = host.Get("takeEarly"), host.Get("fetch")
}

// StartDownload starts fetching url; errors wait until it is awaited.
func StartDownload(url string) Download {
	if early.Type() == js.TypeFunction {
		if req := early.Invoke(url); req.Truthy() {
			return Download{url: url, request: req}
		}
	}
	var req js.Value
	if fetch.Type() == js.TypeFunction {
		req = fetch.Invoke(url)
	} else {
		req = js.Global().Call("fetch", url)
	}
	req.Call("catch", js.Global().Get("Function").Get("prototype")) // handled when awaited
	return Download{url: url, request: req}
}

// response awaits the request, turning network failures and HTTP errors into
// PyScript's messages naming the URL and status.
func (d Download) response() (js.Value, error) {
	resp, err := ffi.Await(d.request)
	if err != nil {
		return js.Value{}, Error(script.NetworkError(d.url, ffi.Message(err)))
	}
	if !resp.Get("ok").Bool() {
		return js.Value{}, httpError{url: d.url, status: resp.Get("status").Int(), statusText: resp.Get("statusText").String()}
	}
	return resp, nil
}

// httpError is a response with an error status; its text is PyScript's.
type httpError struct {
	url        string
	status     int
	statusText string
}

func (e httpError) Error() string { return script.FetchError(e.url, e.status, e.statusText) }

// Text is the body as a string.
func (d Download) Text() (string, error) {
	resp, err := d.response()
	if err != nil {
		return "", err
	}
	text, err := ffi.Await(resp.Call("text"))
	if err != nil {
		return "", Error(script.NetworkError(d.url, ffi.Message(err)))
	}
	return text.String(), nil
}

// Bytes is the body as a Uint8Array, left on the JS side.
func (d Download) Bytes() (js.Value, error) {
	resp, err := d.response()
	if err != nil {
		return js.Value{}, err
	}
	buf, err := ffi.Await(resp.Call("arrayBuffer"))
	if err != nil {
		return js.Value{}, Error(script.NetworkError(d.url, ffi.Message(err)))
	}
	return js.Global().Get("Uint8Array").New(buf), nil
}

// goBytes copies a Uint8Array into Go memory.
func goBytes(u8 js.Value) []byte {
	out := make([]byte, u8.Length())
	js.CopyBytesToGo(out, u8)
	return out
}
