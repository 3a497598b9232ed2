package tffunc

import (
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"math/big"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// hashFunc makes a function of one string that returns a digest of its UTF-8
// bytes, rendered by encode (hex or base64).
func hashFunc(newHash func() hash.Hash, encode func([]byte) string) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "str", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(digest(newHash, encode, []byte(args[0].AsString()))), nil
		},
	})
}

func digest(newHash func() hash.Hash, encode func([]byte) string, data []byte) string {
	h := newHash()
	h.Write(data)
	return encode(h.Sum(nil))
}

var b64 = base64.StdEncoding.EncodeToString

// Hash functions over a string's UTF-8 bytes.
var (
	MD5Func          = hashFunc(md5.New, hex.EncodeToString)
	SHA1Func         = hashFunc(sha1.New, hex.EncodeToString)
	SHA256Func       = hashFunc(sha256.New, hex.EncodeToString)
	SHA512Func       = hashFunc(sha512.New, hex.EncodeToString)
	Base64Sha256Func = hashFunc(sha256.New, b64)
	Base64Sha512Func = hashFunc(sha512.New, b64)
)

// unknownString makes a function whose result depends on time or randomness.
// It returns an unknown string (refined as far as Terraform guarantees) so that
// a scan stays deterministic; arguments are still type-checked.
func unknownString(params []function.Parameter, varParam *function.Parameter, check func([]cty.Value) error, refine func(*cty.RefinementBuilder) *cty.RefinementBuilder) function.Function {
	return function.New(&function.Spec{
		Params:   params,
		VarParam: varParam,
		Type:     function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if check != nil {
				if err := check(args); err != nil {
					return cty.UnknownVal(cty.String), err
				}
			}
			return refine(cty.UnknownVal(cty.String).Refine().NotNull()).NewValue(), nil
		},
	})
}

func noRefinement(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b }

// UUIDFunc is uuid(): a random UUID, so always unknown here.
var UUIDFunc = unknownString(nil, nil, nil, noRefinement)

// TimestampFunc is timestamp(): the current time, so always unknown here.
var TimestampFunc = unknownString(nil, nil, nil, noRefinement)

// PlanTimestampFunc is plantimestamp(): the time of the plan, unknown here.
var PlanTimestampFunc = unknownString(nil, nil, nil, noRefinement)

// BcryptFunc is bcrypt(str, cost?): a salted hash, different on every call, so
// unknown here. The cost is still checked so that invalid calls fail as in
// Terraform.
var BcryptFunc = unknownString(
	[]function.Parameter{{Name: "str", Type: cty.String}},
	&function.Parameter{Name: "cost", Type: cty.Number},
	func(args []cty.Value) error {
		if len(args) > 2 {
			return fmt.Errorf("bcrypt() takes no more than two arguments")
		}
		if len(args) == 2 {
			cost, err := smallInt(args[1], 1, "cost")
			if err != nil {
				return err
			}
			if cost < 4 || cost > 31 {
				return function.NewArgErrorf(1, "bcrypt cost must be between 4 and 31, got %d", cost)
			}
		}
		return nil
	},
	func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.StringPrefixFull("$2a$") },
)

// Namespaces predefined by RFC 4122 appendix C, by the names Terraform accepts.
var uuidNamespaces = map[string]string{
	"dns":  "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	"url":  "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
	"oid":  "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
	"x500": "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
}

// parseUUID accepts the usual spellings: 8-4-4-4-12 hex, optionally in braces
// or after "urn:uuid:", or 32 bare hex digits.
func parseUUID(s string) ([16]byte, error) {
	var u [16]byte
	t := s
	if len(t) == 45 && strings.EqualFold(t[:9], "urn:uuid:") {
		t = t[9:]
	} else if len(t) == 38 && t[0] == '{' && t[37] == '}' {
		t = t[1:37]
	}
	if len(t) == 36 {
		if t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-' {
			return u, fmt.Errorf("invalid UUID format")
		}
		t = t[:8] + t[9:13] + t[14:18] + t[19:23] + t[24:]
	}
	if len(t) != 32 {
		return u, fmt.Errorf("invalid UUID length: %d", len(s))
	}
	if _, err := hex.Decode(u[:], []byte(t)); err != nil {
		return u, fmt.Errorf("invalid UUID format")
	}
	return u, nil
}

func formatUUID(u [16]byte) string {
	h := hex.EncodeToString(u[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// UUIDv5Func is uuidv5(namespace, name): the name-based (SHA-1) UUID of RFC
// 4122 section 4.3, deterministic and so computed.
var UUIDv5Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String},
		{Name: "name", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ns := args[0].AsString()
		if known, ok := uuidNamespaces[ns]; ok {
			ns = known
		}
		nsBytes, err := parseUUID(ns)
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "uuidv5() doesn't support namespace %s (%s)", args[0].AsString(), err)
		}
		h := sha1.New()
		h.Write(nsBytes[:])
		h.Write([]byte(args[1].AsString()))
		var u [16]byte
		copy(u[:], h.Sum(nil))
		u[6] = u[6]&0x0f | 0x50 // version 5
		u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
		return cty.StringVal(formatUUID(u)), nil
	},
})

// RSADecryptFunc is rsadecrypt(ciphertext, privatekey): PKCS #1 v1.5
// decryption of base64 ciphertext with a PEM (PKCS #1 or PKCS #8) or OpenSSH
// RSA private key, as used for EC2 Windows passwords.
var RSADecryptFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "ciphertext", Type: cty.String},
		{Name: "privatekey", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ct, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "failed to decode input: cipher text must be base64-encoded")
		}
		key, err := parseRSAPrivateKey([]byte(args[1].AsString()))
		if err != nil {
			// The key is secret: never echo it.
			return cty.UnknownVal(cty.String), function.NewArgErrorf(1, "invalid private key: %s", err)
		}
		//lint:ignore SA1019 Terraform's rsadecrypt is PKCS #1 v1.5 decryption by definition
		out, err := rsa.DecryptPKCS1v15(nil, key, ct)
		if err != nil {
			return cty.UnknownVal(cty.String), fmt.Errorf("failed to decrypt: %s", err)
		}
		return cty.StringVal(string(out)), nil
	},
})

func parseRSAPrivateKey(data []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, errors.New("no PEM block found")
	}
	//lint:ignore SA1019 detecting a legacy encrypted key to refuse it, not decrypting it
	if len(block.Headers) > 0 || x509.IsEncryptedPEMBlock(block) {
		return nil, errors.New("encrypted private keys are not supported")
	}
	switch block.Type {
	case "RSA PRIVATE KEY":
		return x509.ParsePKCS1PrivateKey(block.Bytes)
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, err
		}
		rk, ok := k.(*rsa.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("%T is not an RSA key", k)
		}
		return rk, nil
	case "OPENSSH PRIVATE KEY":
		return parseOpenSSHRSAKey(block.Bytes)
	default:
		return nil, fmt.Errorf("unsupported key type %q", block.Type)
	}
}

// parseOpenSSHRSAKey reads an unencrypted "openssh-key-v1" RSA key (the
// format ssh-keygen writes by default), per OpenSSH's PROTOCOL.key.
func parseOpenSSHRSAKey(b []byte) (*rsa.PrivateKey, error) {
	const magic = "openssh-key-v1\x00"
	if !strings.HasPrefix(string(b), magic) {
		return nil, errors.New("not an openssh-key-v1 key")
	}
	r := sshReader{b: b[len(magic):]}
	cipher, kdf := string(r.str()), string(r.str())
	r.str() // kdf options
	if cipher != "none" || kdf != "none" {
		return nil, errors.New("encrypted private keys are not supported")
	}
	if r.u32() != 1 {
		return nil, errors.New("only single-key files are supported")
	}
	r.str() // public key
	priv := sshReader{b: r.str()}
	if r.err != nil {
		return nil, r.err
	}
	if check1, check2 := priv.u32(), priv.u32(); check1 != check2 {
		return nil, errors.New("corrupt key (check bytes differ)")
	}
	if kt := string(priv.str()); kt != "ssh-rsa" {
		if priv.err != nil {
			return nil, priv.err
		}
		return nil, fmt.Errorf("key type %q is not RSA", kt)
	}
	n, e, d, _, p, q := priv.mpint(), priv.mpint(), priv.mpint(), priv.mpint(), priv.mpint(), priv.mpint()
	if priv.err != nil {
		return nil, priv.err
	}
	if !e.IsInt64() || e.Int64() > 1<<31-1 {
		return nil, errors.New("invalid public exponent")
	}
	key := &rsa.PrivateKey{
		PublicKey: rsa.PublicKey{N: n, E: int(e.Int64())},
		D:         d,
		Primes:    []*big.Int{p, q},
	}
	if err := key.Validate(); err != nil {
		return nil, err
	}
	key.Precompute()
	return key, nil
}

// sshReader decodes the SSH wire encoding (RFC 4251 section 5); the first
// error sticks and later reads return zero values.
type sshReader struct {
	b   []byte
	err error
}

func (r *sshReader) u32() uint32 {
	if r.err != nil || len(r.b) < 4 {
		r.fail()
		return 0
	}
	v := binary.BigEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *sshReader) str() []byte {
	n := r.u32()
	if r.err != nil || uint64(n) > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *sshReader) mpint() *big.Int {
	return new(big.Int).SetBytes(r.str())
}

func (r *sshReader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated key")
	}
}
