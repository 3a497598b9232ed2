package fiscguard.lib_test

import data.fiscguard.lib

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

test_typed_converts_the_named_attributes if {
	got := lib.typed(
		{"from_port": "22", "to_port": 22, "ip_protocol": "tcp", "enabled": "true", "bad": "abc"},
		{"from_port": "number", "to_port": "number", "enabled": "bool", "bad": "number", "absent": "bool"},
	)
	got == {"from_port": 22, "to_port": 22, "ip_protocol": "tcp", "enabled": true, "bad": "abc"}
}
