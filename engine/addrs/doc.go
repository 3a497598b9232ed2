// Package addrs is Terraform's address syntax in one place: instance keys
// and how Terraform writes them, module instance paths, resource addresses,
// the references configuration expressions make, and the rule that matches
// a reference to the instances it names. The plan and HCL loaders both build
// their addresses here, so a finding, a fingerprint and a baseline entry
// carry the same address whichever input they came from.
//
// The concepts follow Terraform's own address model: an instance address
// (module.a["x"].aws_s3_bucket.b[0]) names one instance; a configuration
// address (module.a.aws_s3_bucket.b) names the block it comes from.
package addrs
