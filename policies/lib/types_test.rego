package fiscguard.lib_test

import data.fiscguard.lib
import data.fiscguard.lib.testing

test_as_number_converts_as_terraform if {
	lib.as_number(80) == 80
	lib.as_number("80") == 80
	lib.as_number("-1.5") == -1.5
	lib.as_number("+2") == 2
	lib.as_number(".5") == 0.5
	lib.as_number("-.5") == -0.5
	lib.as_number("5.") == 5
	lib.as_number("007") == 7
	lib.as_number("1e3") == 1000
	lib.as_number("2.5E-1") == 0.25
}

test_as_number_is_undefined_for_what_terraform_rejects if {
	every x in ["abc", "", "0x10", "1_000", "Inf", "NaN", " 80", "80 ", "1e", "."] {
		not lib.as_number(x)
	}
	not lib.as_number(true)
	not lib.as_number(null)
	not lib.as_number([80])
}

test_as_bool_converts_as_terraform if {
	lib.as_bool(true) == true
	lib.as_bool(false) == false
	lib.as_bool("true") == true
	lib.as_bool("1") == true
	lib.as_bool("false") == false
	lib.as_bool("0") == false
}

test_as_bool_is_undefined_for_what_terraform_rejects if {
	every x in ["True", "FALSE", "yes", "", "2"] {
		not lib.as_bool(x)
	}
	not lib.as_bool(1)
	not lib.as_bool(null)
}

test_typed_values_read_as_terraform_converts if {
	r := testing.resource("aws_x", "x", {"on": "true", "off": "0", "port": "443", "bad": "abc", "n": 5})
	lib.bool_value(r, "on", false) == true
	lib.bool_value(r, "off", true) == false
	lib.bool_value(r, "absent", false) == false
	lib.bool_value(r, "bad", false) == "abc"
	lib.number_value(r, "port", 0) == 443
	lib.number_value(r, "n", 0) == 5
	lib.number_value(r, ["absent"], 7) == 7
	lib.number_value(r, "bad", 0) == "abc"
}
