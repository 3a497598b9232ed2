# Terraform's type conversions. Plan values are typed by the provider, and
# fiscguard converts HCL values to the types of the provider schema it
# carries (AWS provider 4.13.0). An attribute or resource type newer than
# that schema reaches policies from HCL as written: "80" or "true" where
# Terraform would convert to 80 or true. These helpers convert such values
# the way Terraform does.
package fiscguard.lib

# as_number returns x converted to a number as Terraform converts a value for
# an attribute of type number: a number as it is, a string holding a decimal
# number ("80", "-1.5", "+2", ".5", "1e3") as that number. Undefined for any
# other value (Terraform rejects it).
as_number(x) := x if is_number(x)

as_number(x) := to_number(_decimal(x)) if {
	is_string(x)
	regex.match(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`, x)
}

# _decimal rewrites a decimal number string as JSON writes the number: no
# "+", no leading zeros, a digit on both sides of the point.
_decimal(s) := regex.replace(
	regex.replace(regex.replace(trim_prefix(s, "+"), `^(-?)0+([0-9])`, "${1}${2}"), `^(-?)\.`, "${1}0."),
	`\.([eE]|$)`, "${1}",
)

# as_bool returns x converted to a bool as Terraform converts a value for an
# attribute of type bool: a bool as it is, "true" or "1" as true, "false" or
# "0" as false. Undefined for any other value (Terraform rejects it).
as_bool(x) := x if is_boolean(x)

as_bool(x) := true if x in {"true", "1"}

as_bool(x) := false if x in {"false", "0"}

# bool_value is fiscguard.value(r, path, default_value) converted as Terraform converts
# it for an attribute of type bool (as_bool), and number_value for one of
# type number (as_number); a value Terraform would reject is returned as
# written. For attributes newer than the provider schema (see above).
bool_value(r, path, default_value) := b if {
	b := as_bool(fiscguard.value(r, path, default_value))
} else := fiscguard.value(r, path, default_value)

number_value(r, path, default_value) := n if {
	n := as_number(fiscguard.value(r, path, default_value))
} else := fiscguard.value(r, path, default_value)
