region = "ap-northeast-1"
env    = "dev"
