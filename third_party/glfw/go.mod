module github.com/go-gl/glfw/v3.4/glfw

go 1.19
