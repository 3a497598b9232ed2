// Package hclconf evaluates a Terraform configuration directory (HCL and
// JSON syntax) the way Terraform would, into the same model.Document a plan
// gives: variables, locals, count/for_each, dynamic blocks, local and
// already-downloaded modules, providers and regions, with source locations.
//
// The words follow Terraform's: a module is one parsed directory, a module
// call a module block, a module instance one expansion of a call (or the
// root), evaluated once per value in the order references demand.
//
//	evaluator.go   Load and what one directory's evaluation shares: options,
//	               notes, modules parsed once, installed modules, providers
//	parse.go       a directory's files into a module (override files merged)
//	instance.go    a module instance: variables, locals, providers, resources,
//	               module calls and outputs, each evaluated once
//	expand.go      count and for_each into instance keys
//	body.go        a block body into values, dynamic blocks expanded
//	vars.go        root variables from defaults, tfvars, -var and TF_VAR_
//	convert.go     values to the provider's types and to the model's shape
//	refs.go        which instances each argument refers to
//	datasource.go  data sources Terraform reads from the provider's settings
//	iamdoc.go      aws_iam_policy_document, rendered as the provider does
//	traversals.go  the references and function calls a module's expressions make
//	sources.go     the lines to redact when findings quote the files
//	secrets.go     diagnostics as notes may show them, sensitive values withheld
//	budget.go      limits on what a configuration may expand to
//	roots.go       root-module discovery helpers for scanning many directories
package hclconf
