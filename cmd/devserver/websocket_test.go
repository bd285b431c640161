package main

import (
	"bufio"
	"encoding/binary"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAcceptKeyIsRFC6455s(t *testing.T) {
	assert.Equal(t, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", acceptKey("dGhlIHNhbXBsZSBub25jZQ=="))
}

// clientFrame is a masked client frame.
func clientFrame(fin bool, op byte, payload []byte) []byte {
	head := byte(op)
	if fin {
		head |= 0x80
	}
	frame := []byte{head}
	switch n := len(payload); {
	case n < 126:
		frame = append(frame, 0x80|byte(n))
	default:
		frame = append(frame, 0x80|126)
		frame = binary.BigEndian.AppendUint16(frame, uint16(n))
	}
	mask := []byte{1, 2, 3, 4}
	frame = append(frame, mask...)
	for i, b := range payload {
		frame = append(frame, b^mask[i%4])
	}
	return frame
}

func readServerFrame(t *testing.T, r *bufio.Reader) (byte, []byte) {
	t.Helper()
	var head [2]byte
	_, err := r.Read(head[:1])
	require.NoError(t, err)
	_, err = r.Read(head[1:])
	require.NoError(t, err)
	require.Zero(t, head[1]&0x80, "server frames are not masked")
	size := int(head[1] & 0x7F)
	if size == 126 {
		var ext [2]byte
		_, err = r.Read(ext[:1])
		require.NoError(t, err)
		_, err = r.Read(ext[1:])
		require.NoError(t, err)
		size = int(binary.BigEndian.Uint16(ext[:]))
	}
	payload := make([]byte, size)
	for read := 0; read < size; {
		n, err := r.Read(payload[read:])
		require.NoError(t, err)
		read += n
	}
	return head[0] & 0x0F, payload
}

func TestEchoSendsMessagesBackAndAnswersClose(t *testing.T) {
	server := httptest.NewServer(newHandler(t.TempDir(), nil, true))
	defer server.Close()
	conn, err := net.Dial("tcp", strings.TrimPrefix(server.URL, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("GET /ws/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: chat, other\r\n\r\n"))
	require.NoError(t, err)
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusSwitchingProtocols, resp.StatusCode)
	assert.Equal(t, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", resp.Header.Get("Sec-WebSocket-Accept"))
	assert.Equal(t, "chat", resp.Header.Get("Sec-WebSocket-Protocol"))

	_, err = conn.Write(clientFrame(true, opText, []byte("héllo")))
	require.NoError(t, err)
	op, payload := readServerFrame(t, r)
	assert.Equal(t, byte(opText), op)
	assert.Equal(t, "héllo", string(payload))

	big := make([]byte, 300)
	for i := range big {
		big[i] = byte(i)
	}
	_, err = conn.Write(append(clientFrame(false, opBinary, big[:100]), clientFrame(true, opContinuation, big[100:])...))
	require.NoError(t, err)
	op, payload = readServerFrame(t, r)
	assert.Equal(t, byte(opBinary), op)
	assert.Equal(t, big, payload, "fragments come back as one message")

	_, err = conn.Write(clientFrame(true, opPing, []byte("p")))
	require.NoError(t, err)
	op, payload = readServerFrame(t, r)
	assert.Equal(t, byte(opPong), op)
	assert.Equal(t, "p", string(payload))

	_, err = conn.Write(clientFrame(true, opClose, append(binary.BigEndian.AppendUint16(nil, 4000), "bye"...)))
	require.NoError(t, err)
	op, payload = readServerFrame(t, r)
	assert.Equal(t, byte(opClose), op)
	assert.Equal(t, []byte{0x0F, 0xA0}, payload)
}

func TestEchoRefusesAPlainRequest(t *testing.T) {
	server := httptest.NewServer(newHandler(t.TempDir(), nil, true))
	defer server.Close()
	resp, err := http.Get(server.URL + "/ws/echo")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
}
