package tffunc

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestBase64GzipRoundTrip(t *testing.T) {
	for _, in := range []string{"", "hello world", strings.Repeat("日本語 ", 1000)} {
		out, err := Base64GzipFunc.Call([]cty.Value{cty.StringVal(in)})
		if err != nil {
			t.Fatal(err)
		}
		raw, err := base64.StdEncoding.DecodeString(out.AsString())
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		back, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if string(back) != in {
			t.Errorf("round trip of %.20q gave %.20q", in, back)
		}
		again, _ := Base64GzipFunc.Call([]cty.Value{cty.StringVal(in)})
		if !again.RawEquals(out) {
			t.Errorf("base64gzip(%.20q) differs between calls", in)
		}
	}
}

// sshWriter writes the SSH wire encoding (RFC 4251 section 5).
type sshWriter struct{ bytes.Buffer }

func (w *sshWriter) u32(v uint32) { binary.Write(w, binary.BigEndian, v) }

func (w *sshWriter) str(b []byte) {
	w.u32(uint32(len(b)))
	w.Write(b)
}

func (w *sshWriter) mpint(n *big.Int) {
	b := n.Bytes()
	if len(b) > 0 && b[0]&0x80 != 0 {
		b = append([]byte{0}, b...) // keep it positive
	}
	w.str(b)
}

// opensshKey writes key in the unencrypted openssh-key-v1 format, to test
// the parser without depending on ssh-keygen.
func opensshKey(key *rsa.PrivateKey) []byte {
	var pub, priv, file sshWriter
	pub.str([]byte("ssh-rsa"))
	pub.mpint(big.NewInt(int64(key.E)))
	pub.mpint(key.N)

	priv.u32(0x12345678) // the two check integers must match
	priv.u32(0x12345678)
	priv.str([]byte("ssh-rsa"))
	priv.mpint(key.N)
	priv.mpint(big.NewInt(int64(key.E)))
	priv.mpint(key.D)
	priv.mpint(key.Precomputed.Qinv)
	priv.mpint(key.Primes[0])
	priv.mpint(key.Primes[1])
	priv.str([]byte("test key"))
	for i := byte(1); priv.Len()%8 != 0; i++ {
		priv.WriteByte(i)
	}

	file.WriteString("openssh-key-v1\x00")
	file.str([]byte("none")) // cipher
	file.str([]byte("none")) // kdf
	file.str(nil)            // kdf options
	file.u32(1)
	file.str(pub.Bytes())
	file.str(priv.Bytes())
	return pem.EncodeToMemory(&pem.Block{Type: "OPENSSH PRIVATE KEY", Bytes: file.Bytes()})
}

func TestRSADecrypt(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{
		"pkcs1":   string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
		"pkcs8":   string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})),
		"openssh": string(opensshKey(key)),
	}
	//lint:ignore SA1019 the ciphertext rsadecrypt reads, as AWS encrypts Windows passwords
	ct, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, []byte("Windows password!"))
	if err != nil {
		t.Fatal(err)
	}
	ctB64 := cty.StringVal(base64.StdEncoding.EncodeToString(ct))
	for name, pemKey := range keys {
		got, err := RSADecryptFunc.Call([]cty.Value{ctB64, cty.StringVal(pemKey)})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.AsString() != "Windows password!" {
			t.Errorf("%s: got %q", name, got.AsString())
		}
	}
	// The key is usually sensitive, and so then is the result.
	got, err := RSADecryptFunc.Call([]cty.Value{ctB64, cty.StringVal(keys["pkcs1"]).Mark(Sensitive)})
	if err != nil || !got.HasMark(Sensitive) {
		t.Errorf("sensitive key: got %#v, %v; want a sensitive result", got, err)
	}

	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	otherPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(other)})
	errCases := []struct {
		ct, key, want string
	}{
		{"not base64!", keys["pkcs1"], "cipher text must be base64-encoded"},
		{ctB64.AsString(), "not a key", "no PEM block found"},
		{ctB64.AsString(), string(otherPEM), "failed to decrypt"},
		{ctB64.AsString(), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n", `unsupported key type "EC PRIVATE KEY"`},
		{ctB64.AsString(), "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n", "not an openssh-key-v1 key"},
	}
	for _, c := range errCases {
		_, err := RSADecryptFunc.Call([]cty.Value{cty.StringVal(c.ct), cty.StringVal(c.key)})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("rsadecrypt(%.12q, %.30q): error %v, want %q", c.ct, c.key, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "PRIVATE KEY") && c.want != `unsupported key type "EC PRIVATE KEY"` {
			t.Errorf("error echoes the key: %v", err)
		}
	}

	// A truncated OpenSSH key fails cleanly.
	blk, _ := pem.Decode([]byte(keys["openssh"]))
	for _, n := range []int{20, 60, len(blk.Bytes) / 2} {
		short := pem.EncodeToMemory(&pem.Block{Type: "OPENSSH PRIVATE KEY", Bytes: blk.Bytes[:n]})
		if _, err := RSADecryptFunc.Call([]cty.Value{ctB64, cty.StringVal(string(short))}); err == nil {
			t.Errorf("truncated key (%d bytes) accepted", n)
		}
	}
}

// TestRSADecryptSSHKeygenKey checks the OpenSSH parser against a key that
// ssh-keygen wrote, where ssh-keygen is installed.
func TestRSADecryptSSHKeygenKey(t *testing.T) {
	if _, err := exec.LookPath("ssh-keygen"); err != nil {
		t.Skip("ssh-keygen not installed")
	}
	path := filepath.Join(t.TempDir(), "id_rsa")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "test", "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v: %s", err, out)
	}
	pemKey, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	key, err := parseRSAPrivateKey(pemKey)
	if err != nil {
		t.Fatal(err)
	}
	//lint:ignore SA1019 the ciphertext rsadecrypt reads, as AWS encrypts Windows passwords
	ct, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, []byte("pw"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := RSADecryptFunc.Call([]cty.Value{cty.StringVal(base64.StdEncoding.EncodeToString(ct)), cty.StringVal(string(pemKey))})
	if err != nil || got.AsString() != "pw" {
		t.Errorf("got %#v, %v", got, err)
	}
}
