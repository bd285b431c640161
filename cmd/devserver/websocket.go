package main

import (
	"bufio"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"io"
	"net/http"
	"strings"
)

// echoPath is the dev server's WebSocket echo endpoint, for pages (and the
// pyscript.WebSocket tests) that need a real socket without the internet.
const echoPath = "/ws/echo"

// Frame opcodes (RFC 6455 §5.2).
const (
	opContinuation = 0x0
	opText         = 0x1
	opBinary       = 0x2
	opClose        = 0x8
	opPing         = 0x9
	opPong         = 0xA
)

// maxMessage bounds what one message may hold: this is a test server.
const maxMessage = 16 << 20

// serveEcho upgrades the request to a WebSocket and sends every text or
// binary message back as it came, answers pings, and answers a close with
// the same code. The first subprotocol the client offers is accepted.
func serveEcho(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Sec-WebSocket-Key")
	if !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") || key == "" {
		http.Error(w, "400 bad request: "+echoPath+" is a WebSocket endpoint", http.StatusBadRequest)
		return
	}
	hijacker, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "500 cannot take over the connection", http.StatusInternalServerError)
		return
	}
	conn, rw, err := hijacker.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	reply := "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n"
	if offered := r.Header.Get("Sec-WebSocket-Protocol"); offered != "" {
		reply += "Sec-WebSocket-Protocol: " + strings.TrimSpace(strings.Split(offered, ",")[0]) + "\r\n"
	}
	if _, err := rw.WriteString(reply + "\r\n"); err != nil || rw.Flush() != nil {
		return
	}
	for {
		op, payload, err := readMessage(rw.Reader)
		if err != nil {
			return
		}
		switch op {
		case opText, opBinary:
			err = writeFrame(rw.Writer, op, payload)
		case opPing:
			err = writeFrame(rw.Writer, opPong, payload)
		case opClose:
			if len(payload) > 2 {
				payload = payload[:2] // the code, without the reason
			}
			_ = writeFrame(rw.Writer, opClose, payload)
			_ = rw.Flush()
			return
		}
		if err != nil || rw.Flush() != nil {
			return
		}
	}
}

// acceptKey is the Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
func acceptKey(key string) string {
	sum := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// readMessage reads one message, joining its fragments; control frames
// (ping, pong, close) come back on their own.
func readMessage(r *bufio.Reader) (op byte, payload []byte, err error) {
	for {
		fin, frameOp, data, err := readFrame(r)
		if err != nil {
			return 0, nil, err
		}
		if frameOp >= opClose {
			return frameOp, data, nil
		}
		if frameOp != opContinuation {
			op = frameOp
		}
		if len(payload)+len(data) > maxMessage {
			return 0, nil, errors.New("websocket: message too large")
		}
		payload = append(payload, data...)
		if fin {
			return op, payload, nil
		}
	}
}

// readFrame reads one client frame (always masked) and unmasks it.
func readFrame(r *bufio.Reader) (fin bool, op byte, payload []byte, err error) {
	var head [2]byte
	if _, err = io.ReadFull(r, head[:]); err != nil {
		return
	}
	fin, op = head[0]&0x80 != 0, head[0]&0x0F
	if head[1]&0x80 == 0 {
		return false, 0, nil, errors.New("websocket: a client frame without a mask")
	}
	size := uint64(head[1] & 0x7F)
	switch size {
	case 126:
		var ext [2]byte
		if _, err = io.ReadFull(r, ext[:]); err != nil {
			return
		}
		size = uint64(binary.BigEndian.Uint16(ext[:]))
	case 127:
		var ext [8]byte
		if _, err = io.ReadFull(r, ext[:]); err != nil {
			return
		}
		size = binary.BigEndian.Uint64(ext[:])
	}
	if size > maxMessage {
		return false, 0, nil, errors.New("websocket: frame too large")
	}
	var mask [4]byte
	if _, err = io.ReadFull(r, mask[:]); err != nil {
		return
	}
	payload = make([]byte, size)
	if _, err = io.ReadFull(r, payload); err != nil {
		return
	}
	for i := range payload {
		payload[i] ^= mask[i%4]
	}
	return fin, op, payload, nil
}

// writeFrame writes one unmasked, final server frame.
func writeFrame(w *bufio.Writer, op byte, payload []byte) error {
	head := []byte{0x80 | op}
	switch n := len(payload); {
	case n < 126:
		head = append(head, byte(n))
	case n <= 0xFFFF:
		head = append(head, 126)
		head = binary.BigEndian.AppendUint16(head, uint16(n))
	default:
		head = append(head, 127)
		head = binary.BigEndian.AppendUint64(head, uint64(n))
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}
