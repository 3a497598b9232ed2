package tffunc

import (
	"fmt"
	"math/big"
	"net/netip"
	"slices"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"
)

// Addresses are handled as big integers so that IPv4 and IPv6 share one code
// path and IPv6 host and network numbers beyond 64 bits work.

// parseCIDR parses an address prefix and drops its host bits, as Terraform
// does ("10.1.2.3/16" means the network 10.1.0.0/16).
func parseCIDR(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("invalid CIDR expression: %s", err)
	}
	return p.Masked(), nil
}

func addrToInt(a netip.Addr) *big.Int {
	return new(big.Int).SetBytes(a.AsSlice())
}

func intToAddr(n *big.Int, bits int) netip.Addr {
	buf := make([]byte, bits/8)
	n.FillBytes(buf)
	a, _ := netip.AddrFromSlice(buf)
	return a
}

// bigInteger converts a cty number to a big integer, rejecting fractions.
func bigInteger(v cty.Value, argIdx int, what string) (*big.Int, error) {
	n, acc := v.AsBigFloat().Int(nil)
	if acc != big.Exact {
		return nil, function.NewArgErrorf(argIdx, "%s must be a whole number", what)
	}
	return n, nil
}

func smallInt(v cty.Value, argIdx int, what string) (int, error) {
	var n int
	if err := gocty.FromCtyValue(v, &n); err != nil {
		return 0, function.NewArgErrorf(argIdx, "invalid %s: %s", what, err)
	}
	return n, nil
}

// CIDRHostFunc is cidrhost(prefix, hostnum): the address of host number
// hostnum in the network; a negative hostnum counts back from the end.
var CIDRHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgError(0, err)
		}
		num, err := bigInteger(args[1], 1, "host number")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		bits := p.Addr().BitLen()
		size := new(big.Int).Lsh(big.NewInt(1), uint(bits-p.Bits()))
		host := new(big.Int).Set(num)
		if host.Sign() < 0 {
			host.Add(host, size)
		}
		if host.Sign() < 0 || host.Cmp(size) >= 0 {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(1, "prefix of %d does not accommodate a host numbered %s", p.Bits(), num)
		}
		addr := intToAddr(host.Add(host, addrToInt(p.Addr())), bits)
		return cty.StringVal(addr.String()), nil
	},
})

// CIDRNetmaskFunc is cidrnetmask(prefix): the dotted-decimal netmask of an
// IPv4 network. IPv6 has no netmask notation, so it is an error.
var CIDRNetmaskFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgError(0, err)
		}
		if !p.Addr().Is4() {
			return cty.UnknownVal(cty.String), function.NewArgErrorf(0, "IPv6 addresses cannot have a netmask: %s", args[0].AsString())
		}
		mask := uint32(0xffffffff) << (32 - p.Bits())
		if p.Bits() == 0 {
			mask = 0
		}
		a := netip.AddrFrom4([4]byte{byte(mask >> 24), byte(mask >> 16), byte(mask >> 8), byte(mask)})
		return cty.StringVal(a.String()), nil
	},
})

// subnet returns network number netnum of the networks newbits longer than p.
func subnet(p netip.Prefix, newbits int, netnum *big.Int) (netip.Prefix, error) {
	bits := p.Addr().BitLen()
	if newbits < 0 {
		return netip.Prefix{}, function.NewArgErrorf(1, "newbits must not be negative")
	}
	newLen := p.Bits() + newbits
	if newLen > bits {
		return netip.Prefix{}, function.NewArgErrorf(1, "insufficient address space to extend prefix of %d by %d", p.Bits(), newbits)
	}
	if netnum.Sign() < 0 || netnum.BitLen() > newbits {
		return netip.Prefix{}, function.NewArgErrorf(2, "prefix extension of %d does not accommodate a subnet numbered %s", newbits, netnum)
	}
	n := new(big.Int).Lsh(netnum, uint(bits-newLen))
	n.Add(n, addrToInt(p.Addr()))
	return netip.PrefixFrom(intToAddr(n, bits), newLen), nil
}

// CIDRSubnetFunc is cidrsubnet(prefix, newbits, netnum).
var CIDRSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), function.NewArgError(0, err)
		}
		newbits, err := smallInt(args[1], 1, "newbits")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		netnum, err := bigInteger(args[2], 2, "netnum")
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		s, err := subnet(p, newbits, netnum)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(s.String()), nil
	},
})

// CIDRSubnetsFunc is cidrsubnets(prefix, newbits...): consecutive subnets of
// the given sizes, each starting at the first address after the previous one
// that is aligned to its own size. Of a prefix known only after apply (an
// IPAM allocation Terraform previews while planning) there is still one
// subnet per size, each unknown, so what counts or iterates them is known.
var CIDRSubnetsFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String, AllowUnknown: true}},
	VarParam:     &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		if !args[0].IsKnown() {
			if len(args) == 1 {
				return cty.ListValEmpty(cty.String), nil
			}
			return cty.ListVal(slices.Repeat([]cty.Value{cty.UnknownVal(cty.String)}, len(args)-1)), nil
		}
		p, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(retType), function.NewArgError(0, err)
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		bits := p.Addr().BitLen()
		base := addrToInt(p.Addr())
		space := new(big.Int).Lsh(big.NewInt(1), uint(bits-p.Bits()))
		next := new(big.Int) // offset from base of the first free address
		var prev netip.Prefix
		out := make([]cty.Value, 0, len(args)-1)
		for i, a := range args[1:] {
			newbits, err := smallInt(a, i+1, "newbits")
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			if newbits < 1 {
				return cty.UnknownVal(retType), function.NewArgErrorf(i+1, "must extend prefix by at least one bit")
			}
			newLen := p.Bits() + newbits
			if newLen > bits {
				return cty.UnknownVal(retType), function.NewArgErrorf(i+1, "would extend prefix to %d bits, which is too long for an IPv%d address", newLen, map[int]int{32: 4, 128: 6}[bits])
			}
			block := new(big.Int).Lsh(big.NewInt(1), uint(bits-newLen))
			// Round next up to a multiple of block.
			start := new(big.Int).Add(next, new(big.Int).Sub(block, big.NewInt(1)))
			start.Div(start, block).Mul(start, block)
			end := new(big.Int).Add(start, block)
			if end.Cmp(space) > 0 {
				return cty.UnknownVal(retType), function.NewArgErrorf(i+1, "not enough remaining address space for a subnet with a prefix of %d bits after %s", newLen, prev)
			}
			prev = netip.PrefixFrom(intToAddr(new(big.Int).Add(base, start), bits), newLen)
			out = append(out, cty.StringVal(prev.String()))
			next = end
		}
		return cty.ListVal(out), nil
	},
})

func refineNotNull(b *cty.RefinementBuilder) *cty.RefinementBuilder {
	return b.NotNull()
}
