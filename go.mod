module github.com/prfaq-lsp/prfaq-lsp

go 1.26.8

require (
	github.com/yuin/goldmark v1.8.7 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/tools v0.52.0 // indirect
)
